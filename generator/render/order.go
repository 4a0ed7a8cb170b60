package render

import "sync"

// inOrder hands items put in any order to a reader that takes them in
// order. An item put with ok false ends the sequence there.
type inOrder[T any] struct {
	mu    sync.Mutex
	ready *sync.Cond
	items map[int]slot[T]
}

type slot[T any] struct {
	item T
	ok   bool
}

func newInOrder[T any]() *inOrder[T] {
	o := &inOrder[T]{items: map[int]slot[T]{}}
	o.ready = sync.NewCond(&o.mu)
	return o
}

func (o *inOrder[T]) put(k int, item T, ok bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.items[k] = slot[T]{item, ok}
	o.ready.Broadcast()
}

// take waits for item k and forgets it.
func (o *inOrder[T]) take(k int) (T, bool) {
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
