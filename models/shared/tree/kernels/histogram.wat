;; Gradient histograms of boosted trees: the hot loop of the whole learner.
;; One channel: each row adds its (gradient, hessian) pair, a v128 of two
;; f64, to the histogram pair of each of its F slots (row-major u16 slots,
;; `binOffset[f] + bin`). The same sums as buildHistogram in histogram.ts, in
;; the same order: results are bit-identical.
;;
;; Memory (imported, laid out by histogram-kernel.ts): slots (rows × F u16), gradient
;; pairs (rows × 16 bytes), the row order `idx` (i32), the histogram
;; (totalBins × 16 bytes).
(module
  (import "kernel" "memory" (memory 1))
  ;; Keeps the prefetching loads of addSparseRows from being dropped.
  (global $sink (mut i32) (i32.const 0))

  ;; Adds `pair` to the histogram pair of each of the F slots at `row`.
  (func $addRow (param $row i32) (param $F i32) (param $pair v128) (param $hist i32)
    (local $end i32) (local $end4 i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32)
    (local.set $end (i32.add (local.get $row) (i32.shl (local.get $F) (i32.const 1))))
    (local.set $end4 (i32.add (local.get $row) (i32.shl (i32.and (local.get $F) (i32.const -4)) (i32.const 1))))
    ;; Four slots per step: four independent read-modify-write chains.
    (block $done4
      (loop $four
        (br_if $done4 (i32.ge_u (local.get $row) (local.get $end4)))
        (local.set $a (i32.add (local.get $hist) (i32.shl (i32.load16_u offset=0 (local.get $row)) (i32.const 4))))
        (local.set $b (i32.add (local.get $hist) (i32.shl (i32.load16_u offset=2 (local.get $row)) (i32.const 4))))
        (local.set $c (i32.add (local.get $hist) (i32.shl (i32.load16_u offset=4 (local.get $row)) (i32.const 4))))
        (local.set $d (i32.add (local.get $hist) (i32.shl (i32.load16_u offset=6 (local.get $row)) (i32.const 4))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $pair)))
        (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $pair)))
        (v128.store (local.get $c) (f64x2.add (v128.load (local.get $c)) (local.get $pair)))
        (v128.store (local.get $d) (f64x2.add (v128.load (local.get $d)) (local.get $pair)))
        (local.set $row (i32.add (local.get $row) (i32.const 8)))
        (br $four)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $a (i32.add (local.get $hist) (i32.shl (i32.load16_u (local.get $row)) (i32.const 4))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $pair)))
        (local.set $row (i32.add (local.get $row) (i32.const 2)))
        (br $one))))

  ;; Adds rows idx[start..end) to the histogram.
  (func (export "addRows") (param $idx i32) (param $start i32) (param $end i32)
        (param $slots i32) (param $F i32) (param $pairs i32) (param $hist i32)
    (local $p i32) (local $pEnd i32) (local $r i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $F) (i32.const 1)))
    (local.set $p (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $idx) (i32.shl (local.get $end) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $r (i32.load (local.get $p)))
        (call $addRow
          (i32.add (local.get $slots) (i32.mul (local.get $r) (local.get $rowBytes)))
          (local.get $F)
          (v128.load (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4))))
          (local.get $hist))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rows))))

  ;; The same for a node whose rows are scattered over the table: each block
  ;; of 32 rows is first touched (one load per cache line the rows need, a
  ;; tight loop, so their memory misses overlap), then added from cache.
  (func (export "addSparseRows") (param $idx i32) (param $start i32) (param $end i32)
        (param $slots i32) (param $F i32) (param $pairs i32) (param $hist i32)
    (local $p i32) (local $pEnd i32) (local $block i32) (local $q i32) (local $r i32) (local $row i32)
    (local $rowBytes i32) (local $touched i32)
    (local.set $rowBytes (i32.shl (local.get $F) (i32.const 1)))
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
            (local.set $row (i32.add (local.get $slots) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $touched (i32.xor (local.get $touched)
              (i32.xor
                (i32.xor (i32.load8_u (local.get $row)) (i32.load8_u (i32.sub (i32.add (local.get $row) (local.get $rowBytes)) (i32.const 1))))
                (i32.load8_u (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $touch)))
        (global.set $sink (local.get $touched))
        (block $addedAll
          (loop $add
            (br_if $addedAll (i32.ge_u (local.get $p) (local.get $block)))
            (local.set $r (i32.load (local.get $p)))
            (call $addRow
              (i32.add (local.get $slots) (i32.mul (local.get $r) (local.get $rowBytes)))
              (local.get $F)
              (v128.load (i32.add (local.get $pairs) (i32.shl (local.get $r) (i32.const 4))))
              (local.get $hist))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $add)))
        (br $blocks)))))
