;; A boosting shard's two row loops: gradient histograms (the hot loop of
;; the whole learner) and the partition of a node's rows at a split.
;;
;; Histograms, one channel: each row adds its (gradient, hessian) pair, a
;; v128 of two f64, to the histogram pair of each of its F bins (row-major
;; bytes: half the memory traffic of 16-bit slots). The same sums as
;; buildHistogram in histogram.ts, in the same order: bit-identical.
;;
;; Memory (imported, laid out by row-kernel.ts): row-major bins (rows × F
;; u8), column-major bins (F × rows u8), gradient pairs (rows × 16 bytes),
;; the row order `idx` and its scratch (i32), the histogram (totalBins × 16 bytes),
;; each feature's first histogram address (F i32) and a split's goLeft table
;; (256 bytes).
(module
  (import "kernel" "memory" (memory 1))
  ;; Keeps the prefetching loads of addSparseRows from being dropped.
  (global $sink (mut i32) (i32.const 0))

  ;; Adds `pair` to the histogram pair of each of the row's F bins: feature
  ;; f's pair of bin b is at slot[f] + 16 b (`slot`: F i32 addresses, the
  ;; feature's first pair in the histogram).
  (func $addRow (param $row i32) (param $F i32) (param $pair v128) (param $slot i32)
    (local $end i32) (local $end4 i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local.set $end (i32.add (local.get $row) (local.get $F)))
    (local.set $end4 (i32.add (local.get $row) (i32.and (local.get $F) (i32.const -4))))
    ;; Four features per step: four independent read-modify-write chains.
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $row) (local.get $end4)))
        (local.set $a (i32.add (i32.load offset=0 (local.get $slot)) (i32.shl (i32.load8_u offset=0 (local.get $row)) (i32.const 4))))
        (local.set $b (i32.add (i32.load offset=4 (local.get $slot)) (i32.shl (i32.load8_u offset=1 (local.get $row)) (i32.const 4))))
        (local.set $c (i32.add (i32.load offset=8 (local.get $slot)) (i32.shl (i32.load8_u offset=2 (local.get $row)) (i32.const 4))))
        (local.set $d (i32.add (i32.load offset=12 (local.get $slot)) (i32.shl (i32.load8_u offset=3 (local.get $row)) (i32.const 4))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $pair)))
        (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $pair)))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $pair)))
        (v128.store (local.get $d) (f64x2.add (v128.load (local.get $d)) (local.get $pair)))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $slot (i32.add (local.get $slot) (i32.const 16)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $a (i32.add (i32.load (local.get $slot)) (i32.shl (i32.load8_u (local.get $row)) (i32.const 4))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $pair)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (local.set $slot (i32.add (local.get $slot) (i32.const 4)))
        (br $one))))

  ;; Adds rows idx[start..end) to the histogram.
  (func (export "addRows") (param $idx i32) (param $start i32) (param $end i32)
        (param $bins i32) (param $F i32) (param $pairs i32) (param $slot i32)
    (local $p i32) (local $pEnd i32) (local $r i32)
    (local.set $p (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $idx) (i32.shl (local.get $end) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $r (i32.load (local.get $p)))
        (call $addRow
          (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $F)))
          (local.get $F)
          (v128.load (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4))))
          (local.get $slot))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rows))))

  ;; The same for a node whose rows are scattered over the table: each block
  ;; of 32 rows is first touched (one load per cache line the rows need, a
  ;; tight loop, so their memory misses overlap), then added from cache.
  (func (export "addSparseRows") (param $idx i32) (param $start i32) (param $end i32)
        (param $bins i32) (param $F i32) (param $pairs i32) (param $slot i32)
    (local $p i32) (local $pEnd i32) (local $block i32) (local $q i32) (local $r i32) (local $row i32)
    (local $touched i32)
    (local.set $p (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $idx) (i32.shl (local.get $end) (i32.const 2))))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $block (i32.add (local.get $p) (i32.const 128)))
        (if (i32.gt_u (local.get $block) (local.get $pEnd)) (then (local.set $block (local.get $pEnd))))
        (local.set $q (local.get $p))
        (block $touchedAll
          (loop $touch
            (br_if $touchedAll (i32.ge_u (local.get $q) (local.get $block)))
            (local.set $r (i32.load (local.get $q)))
            (local.set $row (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $F))))
            (local.set $touched (i32.xor (local.get $touched)
              (i32.xor
                (i32.xor (i32.load8_u (local.get $row)) (i32.load8_u (i32.sub (i32.add (local.get $row) (local.get $F)) (i32.const 1))))
                (i32.load8_u (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $touch)))
        (global.set $sink (local.get $touched))
        (block $addedAll
          (loop $add
            (br_if $addedAll (i32.ge_u (local.get $p) (local.get $block)))
            (local.set $r (i32.load (local.get $p)))
            (call $addRow
              (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $F)))
              (local.get $F)
              (v128.load (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4))))
              (local.get $slot))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $add)))
        (br $blocks))))

  ;; Stable partition of idx[start..end) by goLeft[col[row]]: left rows keep
  ;; their order in place, right rows go through `temp` and follow them.
  ;; Branch-free (the side is data-dependent). Returns the first right index.
  (func (export "partition") (param $idx i32) (param $start i32) (param $end i32)
        (param $col i32) (param $goLeft i32) (param $temp i32) (result i32)
    (local $p i32) (local $pEnd i32) (local $l i32) (local $t i32) (local $row i32) (local $left i32)
    (local.set $p (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $idx) (i32.shl (local.get $end) (i32.const 2))))
    (local.set $l (local.get $p))
    (local.set $t (local.get $temp))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $row (i32.load (local.get $p)))
        (local.set $left (i32.load8_u (i32.add (local.get $goLeft) (i32.load8_u (i32.add (local.get $col) (local.get $row))))))
        (i32.store (local.get $l) (local.get $row))
        (i32.store (local.get $t) (local.get $row))
        (local.set $l (i32.add (local.get $l) (i32.shl (local.get $left) (i32.const 2))))
        (local.set $t (i32.add (local.get $t) (i32.shl (i32.sub (i32.const 1) (local.get $left)) (i32.const 2))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rows)))
    (memory.copy (local.get $l) (local.get $temp) (i32.sub (local.get $t) (local.get $temp)))
    (i32.shr_u (i32.sub (local.get $l) (local.get $idx)) (i32.const 2))))
