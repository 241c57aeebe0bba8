;; k-means' row pass: the nearest centroid of every row of a block and its
;; squared distance, four columns at a time (f32x4), the distance summed
;; directly as sum (x - c)^2 (never negative, unlike the expanded form).
;; The lanes are added in one fixed order, so a row's result depends on the
;; row and the centroids only: never on how the rows were split in blocks.
;;
;; Then each cluster's sums over a chunk of rows (float64, in row order: the
;; same additions as a JavaScript loop).
;;
;; Memory (imported, laid out by centroid-block.ts): the rows (rows x width
;; f32, each row padded with zeros to `width`, a multiple of 4), each row's
;; label (i32) and squared distance (f32), the centroids (k x width f32,
;; padded alike) and a chunk's sums (k x width f64).
(module
  (import "kernel" "memory" (memory 1))

  (func (export "assign") (param $data i32) (param $rows i32) (param $width i32) (param $centroids i32)
        (param $k i32) (param $labels i32) (param $distances i32)
    (local $rowBytes i32) (local $end i32) (local $row i32) (local $j i32) (local $c i32) (local $v i32)
    (local $acc v128) (local $diff v128) (local $d f32) (local $best f32) (local $bestJ i32)
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $end (i32.add (local.get $data) (i32.mul (local.get $rows) (local.get $rowBytes))))
    (local.set $row (local.get $data))
    (block $doneRows
      (loop $rowsLoop
        (br_if $doneRows (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $best (f32.const inf))
        (local.set $bestJ (i32.const 0))
        (local.set $j (i32.const 0))
        (local.set $c (local.get $centroids))
        (block $doneCentroids
          (loop $centroidsLoop
            (br_if $doneCentroids (i32.ge_u (local.get $j) (local.get $k)))
            (local.set $acc (f32x4.splat (f32.const 0)))
            (local.set $v (i32.const 0))
            (block $doneColumns
              (loop $columns
                (br_if $doneColumns (i32.ge_u (local.get $v) (local.get $rowBytes)))
                (local.set $diff (f32x4.sub
                  (v128.load (i32.add (local.get $row) (local.get $v)))
                  (v128.load (i32.add (local.get $c) (local.get $v)))))
                (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $diff) (local.get $diff))))
                (local.set $v (i32.add (local.get $v) (i32.const 16)))
                (br $columns)))
            ;; (lane 0 + lane 1) + (lane 2 + lane 3)
            (local.set $d (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
              (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
            ;; Strictly nearer: ties keep the lower centroid.
            (if (f32.lt (local.get $d) (local.get $best))
              (then
                (local.set $best (local.get $d))
                (local.set $bestJ (local.get $j))))
            (local.set $c (i32.add (local.get $c) (local.get $rowBytes)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $centroidsLoop)))
        (i32.store (local.get $labels) (local.get $bestJ))
        (f32.store (local.get $distances) (local.get $best))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
        (local.set $distances (i32.add (local.get $distances) (i32.const 4)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $rowsLoop))))

  ;; sums[labels[r]][v] += rows[r][v] (as f64) for rows [0, rows): `data`
  ;; and `labels` point at the chunk's first row; `sums` (k x width f64) is
  ;; cleared by the caller.
  (func (export "sumRows") (param $data i32) (param $rows i32) (param $width i32) (param $labels i32) (param $sums i32)
    (local $rowBytes i32) (local $end i32) (local $row i32) (local $to i32) (local $v i32) (local $x v128) (local $at i32)
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $end (i32.add (local.get $data) (i32.mul (local.get $rows) (local.get $rowBytes))))
    (local.set $row (local.get $data))
    (block $doneRows
      (loop $rowsLoop
        (br_if $doneRows (i32.ge_u (local.get $row) (local.get $end)))
        ;; The row's cluster's sums: width f64 = 2 x rowBytes bytes each.
        (local.set $to (i32.add (local.get $sums) (i32.mul (i32.load (local.get $labels)) (i32.shl (local.get $rowBytes) (i32.const 1)))))
        (local.set $v (i32.const 0))
        (block $doneColumns
          (loop $columns
            (br_if $doneColumns (i32.ge_u (local.get $v) (local.get $rowBytes)))
            (local.set $x (v128.load (i32.add (local.get $row) (local.get $v))))
            (local.set $at (i32.add (local.get $to) (i32.shl (local.get $v) (i32.const 1))))
            (v128.store (local.get $at) (f64x2.add (v128.load (local.get $at)) (f64x2.promote_low_f32x4 (local.get $x))))
            (v128.store offset=16 (local.get $at) (f64x2.add (v128.load offset=16 (local.get $at))
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $x) (local.get $x)))))
            (local.set $v (i32.add (local.get $v) (i32.const 16)))
            (br $columns)))
        (local.set $labels (i32.add (local.get $labels) (i32.const 4)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $rowsLoop)))))
