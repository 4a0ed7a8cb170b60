// Package inorder hands over items made on many cores, in any order, to one
// reader that takes them in a fixed order.
package inorder

import "sync"

// Queue hands items put in any order to a reader that takes them in
// order. An item put with ok false ends the sequence there.
type Queue[T any] struct {
	mu    sync.Mutex
	ready *sync.Cond
	items map[int]slot[T]
}

type slot[T any] struct {
	item T
	ok   bool
}

// New is an empty queue.
func New[T any]() *Queue[T] {
	o := &Queue[T]{items: map[int]slot[T]{}}
	o.ready = sync.NewCond(&o.mu)
	return o
}

// Put puts item k; ok false ends the sequence at k.
func (o *Queue[T]) Put(k int, item T, ok bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.items[k] = slot[T]{item, ok}
	o.ready.Broadcast()
}

// Take waits for item k and forgets it.
func (o *Queue[T]) Take(k int) (T, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for {
		if s, ok := o.items[k]; ok {
			delete(o.items, k)
			return s.item, s.ok
		}
		o.ready.Wait()
	}
}
