package simkit

import (
	"reflect"
	"testing"
)

func TestSortedAndDump(t *testing.T) {
	t.Parallel()
	type job struct {
		ID     int64             `json:"id"`
		Fields map[string]string `json:"fields"`
	}
	state := func() map[int64]*job {
		m := map[int64]*job{}
		for _, id := range []int64{30, 10, 20} {
			m[id] = &job{ID: id, Fields: map[string]string{"b": "2", "a": "1", "c": "3"}}
		}
		return m
	}
	var ids []int64
	for _, j := range Sorted(state()) {
		ids = append(ids, j.ID)
	}
	if !reflect.DeepEqual(ids, []int64{10, 20, 30}) {
		t.Errorf("Sorted: %v", ids)
	}
	first, err := Dump(Sorted(state()))
	if err != nil {
		t.Fatal(err)
	}
	for range 20 { // map order differs run to run; the dump must not
		again, _ := Dump(Sorted(state()))
		if string(again) != string(first) {
			t.Fatalf("dumps differ:\n%s\n%s", first, again)
		}
	}
	changed := state()
	changed[20].Fields["b"] = "two"
	if d, _ := Dump(Sorted(changed)); string(d) == string(first) {
		t.Errorf("a changed field left the dump alike")
	}
	if _, err := Dump(func() {}); err == nil {
		t.Errorf("Dump of a func: no error")
	}
}
