;; Binary boosting's two passes over a shard's rows: gradients, and adding a
;; finished tree's leaf values to the margins.
;;
;; Gradients, two rows at a time: for each row, the
;; logistic probability p = 1 / (1 + e^-margin), then the (gradient,
;; hessian) pair ((p - y) w, max(p (1 - p), 1e-16) w), each rounded onto the
;; gradient grid by adding and taking back `shift`, stored interleaved where
;; the histogram kernel reads them.
;;
;; e^x follows probability.ts operation for operation (the same constants,
;; the same order, no fused multiply-add in WebAssembly): the same bits as
;; the JavaScript reference. 2^k is built from the rounding sum's bits: t =
;; x log2(e) + 1.5 * 2^52 holds k in its low bits, so (bits(t) + 1023) << 52
;; is 2^k for the k that |x| <= 708 allows.
;;
;; Memory (imported, laid out by boost-rows.ts beside the row kernel's):
;; margins, labels and weights (rows f64 each), the pairs (rows x 16 bytes),
;; the row order idx (i32).
(module
  (import "kernel" "memory" (memory 1))

  ;; Pairs of rows [0, n) (n even).
  (func (export "logisticPairs") (param $margin i32) (param $labels i32) (param $weights i32)
        (param $pairs i32) (param $n i32) (param $shift f64)
    (local $end i32) (local $s v128) (local $x v128) (local $t v128) (local $k v128) (local $r v128)
    (local $e v128) (local $r2 v128) (local $r4 v128) (local $a v128) (local $b v128) (local $c v128) (local $p v128) (local $w v128) (local $g v128) (local $h v128)
    (local.set $s (f64x2.splat (local.get $shift)))
    (local.set $end (i32.add (local.get $margin) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $margin) (local.get $end)))
        ;; x = -margin, within [-708, 708]
        (local.set $x (f64x2.pmin
          (f64x2.pmax (f64x2.neg (v128.load (local.get $margin))) (f64x2.splat (f64.const -708)))
          (f64x2.splat (f64.const 708))))
        (local.set $t (f64x2.add (f64x2.mul (local.get $x) (f64x2.splat (f64.const 1.4426950408889634)))
          (f64x2.splat (f64.const 6755399441055744))))
        (local.set $k (f64x2.sub (local.get $t) (f64x2.splat (f64.const 6755399441055744))))
        (local.set $r (f64x2.sub
          (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (f64x2.splat (f64.const 0.69314718036912382))))
          (f64x2.mul (local.get $k) (f64x2.splat (f64.const 1.9082149292705877e-10)))))
        ;; e^r: Estrin's scheme (pairs of terms, then pairs of pairs: a short dependency chain)
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $a (f64x2.add (f64x2.add (f64x2.splat (f64.const 1)) (f64x2.mul (f64x2.splat (f64.const 1)) (local.get $r))) (f64x2.mul (f64x2.add (f64x2.splat (f64.const 0.5)) (f64x2.mul (f64x2.splat (f64.const 0.16666666666666666)) (local.get $r))) (local.get $r2))))
        (local.set $b (f64x2.add (f64x2.add (f64x2.splat (f64.const 0.041666666666666664)) (f64x2.mul (f64x2.splat (f64.const 0.0083333333333333332)) (local.get $r))) (f64x2.mul (f64x2.add (f64x2.splat (f64.const 0.0013888888888888889)) (f64x2.mul (f64x2.splat (f64.const 0.00019841269841269841)) (local.get $r))) (local.get $r2))))
        (local.set $c (f64x2.add (f64x2.add (f64x2.splat (f64.const 0.000024801587301587302)) (f64x2.mul (f64x2.splat (f64.const 0.0000027557319223985893)) (local.get $r))) (f64x2.mul (f64x2.add (f64x2.splat (f64.const 2.7557319223985888e-7)) (f64x2.mul (f64x2.splat (f64.const 2.505210838544172e-8)) (local.get $r))) (local.get $r2))))
        (local.set $e (f64x2.add (f64x2.add (local.get $a) (f64x2.mul (local.get $b) (local.get $r4)))
          (f64x2.mul (f64x2.add (local.get $c) (f64x2.mul (f64x2.splat (f64.const 2.08767569878681e-9)) (local.get $r4))) (f64x2.mul (local.get $r4) (local.get $r4)))))
        ;; times 2^k
        (local.set $e (f64x2.mul (local.get $e)
          (i64x2.shl (i64x2.add (local.get $t) (i64x2.splat (i64.const 1023))) (i32.const 52))))
        (local.set $p (f64x2.div (f64x2.splat (f64.const 1)) (f64x2.add (f64x2.splat (f64.const 1)) (local.get $e))))
        (local.set $w (v128.load (local.get $weights)))
        (local.set $g (f64x2.sub (f64x2.add (f64x2.mul (f64x2.sub (local.get $p) (v128.load (local.get $labels))) (local.get $w)) (local.get $s)) (local.get $s)))
        (local.set $h (f64x2.sub (f64x2.add (f64x2.mul
          (f64x2.pmax (f64x2.mul (local.get $p) (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $p))) (f64x2.splat (f64.const 1e-16)))
          (local.get $w)) (local.get $s)) (local.get $s)))
        (v128.store (local.get $pairs) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $g) (local.get $h)))
        (v128.store offset=16 (local.get $pairs) (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $g) (local.get $h)))
        (local.set $margin (i32.add (local.get $margin) (i32.const 16)))
        (local.set $labels (i32.add (local.get $labels) (i32.const 16)))
        (local.set $weights (i32.add (local.get $weights) (i32.const 16)))
        (local.set $pairs (i32.add (local.get $pairs) (i32.const 32)))
        (br $rows))))

  ;; margin[idx[i]] += value for i in [start, end): a leaf's rows (the same
  ;; additions, in the same order, as the JavaScript loop; ~5x faster).
  (func (export "addToRows") (param $idx i32) (param $start i32) (param $end i32) (param $margin i32) (param $value f64)
    (local $p i32) (local $pEnd i32) (local $a i32)
    (local.set $p (i32.add (local.get $idx) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $idx) (i32.shl (local.get $end) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $a (i32.add (local.get $margin) (i32.shl (i32.load (local.get $p)) (i32.const 3))))
        (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (local.get $value)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $rows)))))
