;; Dot products of stored rows against a few queries, in WebAssembly SIMD (f32x4).
;;
;; Everything lives in the importer's memory: rows of `stride` floats (stride a multiple of 8,
;; zero-padded past the vector's dimension), queries laid out the same way, and an output of
;; `count × nq` floats (row-major: out[i * nq + q]). The caller keeps the top-k; this only scores.
;;
;;   scoreRange(data, stride, queries, nq, start, count, out)   rows start … start + count − 1
;;   scoreRows(data, stride, queries, nq, rows, count, out)     rows listed as i32 at `rows`
;;
;; Queries are scored four at a time, so a row is loaded once for four of them (batches share
;; one pass over memory).
;;
;; The int8 pair scores quantised rows (`stride` bytes each, a multiple of 32, signed) against queries of `stride`
;; i16 values (2 × stride bytes each), exactly in i32 (sign-extend the row to i16, then
;; i32x4.dot_i16x8_s), written as f32; the caller multiplies by the scales:
;;
;;   scoreRangeI8(data, stride, queries, nq, start, count, out)
;;   scoreRowsI8(data, stride, queries, nq, rows, count, out)
;;
;; (With |row| ≤ 127 and |query| ≤ 4095 the i32 sums cannot overflow below 16,384 dimensions.)
(module
  (import "env" "memory" (memory 1 65536))

  ;; Sum of the four lanes of a vector.
  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; One row (at byte address $row) against nq queries; writes nq floats at $out. Every query
  ;; sums in the same order (two accumulators over alternate 4-float chunks, then across
  ;; lanes), so a query scores the same alone or in a batch.
  (func $scoreRow (param $row i32) (param $bytes i32) (param $queries i32) (param $nq i32) (param $out i32)
    (local $q i32) (local $qp i32) (local $j i32) (local $r0 v128) (local $r1 v128)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    ;; Four queries at a time: one load of the row feeds four products.
    (block $done4
      (loop $four
        (br_if $done4 (i32.gt_u (i32.add (local.get $q) (i32.const 4)) (local.get $nq)))
        (local.set $qp (i32.add (local.get $queries) (i32.mul (local.get $q) (local.get $bytes))))
        (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $b0 (v128.const i32x4 0 0 0 0)) (local.set $b1 (v128.const i32x4 0 0 0 0))
        (local.set $c0 (v128.const i32x4 0 0 0 0)) (local.set $c1 (v128.const i32x4 0 0 0 0))
        (local.set $d0 (v128.const i32x4 0 0 0 0)) (local.set $d1 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $dims
          (local.set $r0 (v128.load offset=0 (i32.add (local.get $row) (local.get $j))))
          (local.set $r1 (v128.load offset=16 (i32.add (local.get $row) (local.get $j))))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $r0) (v128.load offset=0 (i32.add (local.get $qp) (local.get $j))))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $r1) (v128.load offset=16 (i32.add (local.get $qp) (local.get $j))))))
          (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $r0)
            (v128.load offset=0 (i32.add (i32.add (local.get $qp) (local.get $bytes)) (local.get $j))))))
          (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $r1)
            (v128.load offset=16 (i32.add (i32.add (local.get $qp) (local.get $bytes)) (local.get $j))))))
          (local.set $c0 (f32x4.add (local.get $c0) (f32x4.mul (local.get $r0)
            (v128.load offset=0 (i32.add (i32.add (local.get $qp) (i32.shl (local.get $bytes) (i32.const 1))) (local.get $j))))))
          (local.set $c1 (f32x4.add (local.get $c1) (f32x4.mul (local.get $r1)
            (v128.load offset=16 (i32.add (i32.add (local.get $qp) (i32.shl (local.get $bytes) (i32.const 1))) (local.get $j))))))
          (local.set $d0 (f32x4.add (local.get $d0) (f32x4.mul (local.get $r0)
            (v128.load offset=0 (i32.add (i32.add (local.get $qp) (i32.mul (local.get $bytes) (i32.const 3))) (local.get $j))))))
          (local.set $d1 (f32x4.add (local.get $d1) (f32x4.mul (local.get $r1)
            (v128.load offset=16 (i32.add (i32.add (local.get $qp) (i32.mul (local.get $bytes) (i32.const 3))) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 32)))
          (br_if $dims (i32.lt_u (local.get $j) (local.get $bytes))))
        (f32.store offset=0 (local.get $out) (call $hsum (f32x4.add (local.get $a0) (local.get $a1))))
        (f32.store offset=4 (local.get $out) (call $hsum (f32x4.add (local.get $b0) (local.get $b1))))
        (f32.store offset=8 (local.get $out) (call $hsum (f32x4.add (local.get $c0) (local.get $c1))))
        (f32.store offset=12 (local.get $out) (call $hsum (f32x4.add (local.get $d0) (local.get $d1))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $four)))
    ;; The rest one at a time, in the same order.
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $q) (local.get $nq)))
        (local.set $qp (i32.add (local.get $queries) (i32.mul (local.get $q) (local.get $bytes))))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $dims1
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul
            (v128.load offset=0 (i32.add (local.get $row) (local.get $j)))
            (v128.load offset=0 (i32.add (local.get $qp) (local.get $j))))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul
            (v128.load offset=16 (i32.add (local.get $row) (local.get $j)))
            (v128.load offset=16 (i32.add (local.get $qp) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 32)))
          (br_if $dims1 (i32.lt_u (local.get $j) (local.get $bytes))))
        (f32.store (local.get $out) (call $hsum (f32x4.add (local.get $a0) (local.get $a1))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $one))))

  (func (export "scoreRange") (param $data i32) (param $stride i32) (param $queries i32) (param $nq i32)
        (param $start i32) (param $count i32) (param $out i32)
    (local $bytes i32) (local $row i32) (local $end i32) (local $outStep i32)
    (local.set $bytes (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $outStep (i32.shl (local.get $nq) (i32.const 2)))
    (local.set $row (i32.add (local.get $data) (i32.mul (local.get $start) (local.get $bytes))))
    (local.set $end (i32.add (local.get $row) (i32.mul (local.get $count) (local.get $bytes))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (call $scoreRow (local.get $row) (local.get $bytes) (local.get $queries) (local.get $nq) (local.get $out))
        (local.set $row (i32.add (local.get $row) (local.get $bytes)))
        (local.set $out (i32.add (local.get $out) (local.get $outStep)))
        (br $rows))))

  (func (export "scoreRows") (param $data i32) (param $stride i32) (param $queries i32) (param $nq i32)
        (param $rows i32) (param $count i32) (param $out i32)
    (local $bytes i32) (local $end i32) (local $outStep i32)
    (local.set $bytes (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $outStep (i32.shl (local.get $nq) (i32.const 2)))
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (call $scoreRow
          (i32.add (local.get $data) (i32.mul (i32.load (local.get $rows)) (local.get $bytes)))
          (local.get $bytes) (local.get $queries) (local.get $nq) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (local.get $outStep)))
        (br $each))))

  ;; Sum of the four i32 lanes of a vector, as f32.
  (func $hsumI32 (param $v v128) (result f32)
    (f32.convert_i32_s
      (i32.add
        (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))
        (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v))))))

  ;; One int8 row (at byte address $row, $bytes long) against nq i16 queries (2 × $bytes each); writes
  ;; nq floats at $out. Four queries at a time share one load and widening of the row.
  (func $scoreRowI8 (param $row i32) (param $bytes i32) (param $queries i32) (param $nq i32) (param $out i32)
    (local $q i32) (local $qp i32) (local $qb i32) (local $j i32) (local $at i32) (local $lo v128) (local $hi v128) (local $r v128)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local.set $qb (i32.shl (local.get $bytes) (i32.const 1)))
    (block $done4
      (loop $four
        (br_if $done4 (i32.gt_u (i32.add (local.get $q) (i32.const 4)) (local.get $nq)))
        (local.set $qp (i32.add (local.get $queries) (i32.mul (local.get $q) (local.get $qb))))
        (local.set $a (v128.const i32x4 0 0 0 0)) (local.set $b (v128.const i32x4 0 0 0 0))
        (local.set $c (v128.const i32x4 0 0 0 0)) (local.set $d (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (loop $dims
          (local.set $r (v128.load (i32.add (local.get $row) (local.get $j))))
          (local.set $lo (i16x8.extend_low_i8x16_s (local.get $r)))
          (local.set $hi (i16x8.extend_high_i8x16_s (local.get $r)))
          (local.set $at (i32.add (local.get $qp) (i32.shl (local.get $j) (i32.const 1))))
          (local.set $a (i32x4.add (local.get $a) (i32x4.add
            (i32x4.dot_i16x8_s (local.get $lo) (v128.load offset=0 (local.get $at)))
            (i32x4.dot_i16x8_s (local.get $hi) (v128.load offset=16 (local.get $at))))))
          (local.set $at (i32.add (local.get $at) (local.get $qb)))
          (local.set $b (i32x4.add (local.get $b) (i32x4.add
            (i32x4.dot_i16x8_s (local.get $lo) (v128.load offset=0 (local.get $at)))
            (i32x4.dot_i16x8_s (local.get $hi) (v128.load offset=16 (local.get $at))))))
          (local.set $at (i32.add (local.get $at) (local.get $qb)))
          (local.set $c (i32x4.add (local.get $c) (i32x4.add
            (i32x4.dot_i16x8_s (local.get $lo) (v128.load offset=0 (local.get $at)))
            (i32x4.dot_i16x8_s (local.get $hi) (v128.load offset=16 (local.get $at))))))
          (local.set $at (i32.add (local.get $at) (local.get $qb)))
          (local.set $d (i32x4.add (local.get $d) (i32x4.add
            (i32x4.dot_i16x8_s (local.get $lo) (v128.load offset=0 (local.get $at)))
            (i32x4.dot_i16x8_s (local.get $hi) (v128.load offset=16 (local.get $at))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br_if $dims (i32.lt_u (local.get $j) (local.get $bytes))))
        (f32.store offset=0 (local.get $out) (call $hsumI32 (local.get $a)))
        (f32.store offset=4 (local.get $out) (call $hsumI32 (local.get $b)))
        (f32.store offset=8 (local.get $out) (call $hsumI32 (local.get $c)))
        (f32.store offset=12 (local.get $out) (call $hsumI32 (local.get $d)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $four)))
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $q) (local.get $nq)))
        (local.set $qp (i32.add (local.get $queries) (i32.mul (local.get $q) (local.get $qb))))
        (local.set $a (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (local.set $b (v128.const i32x4 0 0 0 0))
        ;; 32 bytes a turn (rows are a multiple of 32 long), two sums: more work in flight.
        (loop $dims1
          (local.set $r (v128.load (i32.add (local.get $row) (local.get $j))))
          (local.set $at (i32.add (local.get $qp) (i32.shl (local.get $j) (i32.const 1))))
          (local.set $a (i32x4.add (local.get $a)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $r)) (v128.load offset=0 (local.get $at)))))
          (local.set $b (i32x4.add (local.get $b)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $r)) (v128.load offset=16 (local.get $at)))))
          (local.set $r (v128.load offset=16 (i32.add (local.get $row) (local.get $j))))
          (local.set $a (i32x4.add (local.get $a)
            (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $r)) (v128.load offset=32 (local.get $at)))))
          (local.set $b (i32x4.add (local.get $b)
            (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $r)) (v128.load offset=48 (local.get $at)))))
          (local.set $j (i32.add (local.get $j) (i32.const 32)))
          (br_if $dims1 (i32.lt_u (local.get $j) (local.get $bytes))))
        (f32.store (local.get $out) (call $hsumI32 (i32x4.add (local.get $a) (local.get $b))))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $one))))

  (func (export "scoreRangeI8") (param $data i32) (param $stride i32) (param $queries i32) (param $nq i32)
        (param $start i32) (param $count i32) (param $out i32)
    (local $row i32) (local $end i32) (local $outStep i32) (local $j i32) (local $at i32)
    (local $r v128) (local $a v128) (local $b v128)
    (local.set $outStep (i32.shl (local.get $nq) (i32.const 2)))
    (local.set $row (i32.add (local.get $data) (i32.mul (local.get $start) (local.get $stride))))
    (local.set $end (i32.add (local.get $row) (i32.mul (local.get $count) (local.get $stride))))
    ;; One query (the common case): the row loop and the product inline, no call per row.
    (if (i32.eq (local.get $nq) (i32.const 1))
      (then
        (block $done1
          (loop $rows1
            (br_if $done1 (i32.ge_u (local.get $row) (local.get $end)))
            (local.set $a (v128.const i32x4 0 0 0 0))
            (local.set $b (v128.const i32x4 0 0 0 0))
            (local.set $j (i32.const 0))
            (loop $dims
              (local.set $r (v128.load (i32.add (local.get $row) (local.get $j))))
              (local.set $at (i32.add (local.get $queries) (i32.shl (local.get $j) (i32.const 1))))
              (local.set $a (i32x4.add (local.get $a)
                (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $r)) (v128.load offset=0 (local.get $at)))))
              (local.set $b (i32x4.add (local.get $b)
                (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $r)) (v128.load offset=16 (local.get $at)))))
              (local.set $r (v128.load offset=16 (i32.add (local.get $row) (local.get $j))))
              (local.set $a (i32x4.add (local.get $a)
                (i32x4.dot_i16x8_s (i16x8.extend_low_i8x16_s (local.get $r)) (v128.load offset=32 (local.get $at)))))
              (local.set $b (i32x4.add (local.get $b)
                (i32x4.dot_i16x8_s (i16x8.extend_high_i8x16_s (local.get $r)) (v128.load offset=48 (local.get $at)))))
              (local.set $j (i32.add (local.get $j) (i32.const 32)))
              (br_if $dims (i32.lt_u (local.get $j) (local.get $stride))))
            (f32.store (local.get $out) (call $hsumI32 (i32x4.add (local.get $a) (local.get $b))))
            (local.set $row (i32.add (local.get $row) (local.get $stride)))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (br $rows1)))
        (return)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (call $scoreRowI8 (local.get $row) (local.get $stride) (local.get $queries) (local.get $nq) (local.get $out))
        (local.set $row (i32.add (local.get $row) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (local.get $outStep)))
        (br $rows))))

  (func (export "scoreRowsI8") (param $data i32) (param $stride i32) (param $queries i32) (param $nq i32)
        (param $rows i32) (param $count i32) (param $out i32)
    (local $end i32) (local $outStep i32)
    (local.set $outStep (i32.shl (local.get $nq) (i32.const 2)))
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $rows) (local.get $end)))
        (call $scoreRowI8
          (i32.add (local.get $data) (i32.mul (i32.load (local.get $rows)) (local.get $stride)))
          (local.get $stride) (local.get $queries) (local.get $nq) (local.get $out))
        (local.set $rows (i32.add (local.get $rows) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (local.get $outStep)))
        (br $each)))))
