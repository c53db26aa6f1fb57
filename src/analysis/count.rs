//! Exact counts of answer combinations.
//!
//! A file with many questions has more combinations than any machine number
//! holds (30 questions of 20 classes each is about 10^39), and a count that
//! silently turns into "inf" hides what was checked. [`Count`] is an
//! unsigned integer of any size, with only what the analyses need: build
//! from a small number, add, multiply, compare, print.
//!
//! ```
//! use lactriage::analysis::count::Count;
//!
//! let mut c = Count::from(1u64);
//! for _ in 0..40 {
//!     c = c * 10;
//! }
//! assert_eq!(c.to_string(), format!("1{}", "0".repeat(40)));
//! assert_eq!(c.grouped(), format!("10{}", ",000".repeat(13)));
//! assert_eq!(c.scientific(), "1.00e40");
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, Mul};

/// Limbs in base 10^9, least significant first, no trailing zero limbs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Count(Vec<u32>);

const BASE: u64 = 1_000_000_000;

impl Count {
    pub fn zero() -> Count {
        Count(Vec::new())
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// The count as a machine integer, if it fits.
    pub fn to_u64(&self) -> Option<u64> {
        let mut x: u64 = 0;
        for &limb in self.0.iter().rev() {
            x = x.checked_mul(BASE)?.checked_add(u64::from(limb))?;
        }
        Some(x)
    }

    /// `1,101,463,552`.
    pub fn grouped(&self) -> String {
        let digits = self.to_string();
        let mut out = String::with_capacity(digits.len() * 4 / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// `1.10e9`: three significant digits, rounded, from the exact digits
    /// (so it never reads "inf").
    pub fn scientific(&self) -> String {
        let digits = self.to_string();
        let mut exponent = digits.len() - 1;
        let mut leading: u32 = digits
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(4)
            .fold(0, |acc, d| acc * 10 + u32::from(d - b'0'));
        // Four digits, rounded half up to three.
        leading = (leading + 5) / 10;
        if leading == 1000 {
            leading = 100;
            exponent += 1;
        }
        format!("{}.{:02}e{exponent}", leading / 100, leading % 100)
    }

    /// For JSON: a number while it fits in 64 bits, else its decimal digits
    /// as a string (JSON readers lose precision above 2^53 anyway).
    pub fn to_json(&self) -> serde_json::Value {
        match self.to_u64() {
            Some(x) => serde_json::Value::from(x),
            None => serde_json::Value::from(self.to_string()),
        }
    }

    fn trim(mut self) -> Count {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
}

impl From<u64> for Count {
    fn from(x: u64) -> Count {
        let mut limbs = Vec::new();
        let mut x = x;
        while x > 0 {
            limbs.push((x % BASE) as u32);
            x /= BASE;
        }
        Count(limbs)
    }
}

impl From<u128> for Count {
    fn from(x: u128) -> Count {
        let mut limbs = Vec::new();
        let mut x = x;
        while x > 0 {
            limbs.push((x % u128::from(BASE)) as u32);
            x /= u128::from(BASE);
        }
        Count(limbs)
    }
}

impl Count {
    /// The product of small factors, multiplied in machine integers until
    /// they would overflow: the checks multiply a few dozen class counts per
    /// path, thousands of times.
    pub fn product_of(factors: impl IntoIterator<Item = usize>) -> Count {
        let mut big: Option<Count> = None;
        let mut acc: u128 = 1;
        for f in factors {
            let f = f as u128;
            if f == 0 {
                return Count::zero();
            }
            match acc.checked_mul(f) {
                Some(x) => acc = x,
                None => {
                    let so_far = big.take().unwrap_or_else(|| Count::from(1u64));
                    big = Some(so_far * &Count::from(acc));
                    acc = f;
                }
            }
        }
        match big {
            None => Count::from(acc),
            Some(b) => b * &Count::from(acc),
        }
    }
}

impl From<usize> for Count {
    fn from(x: usize) -> Count {
        Count::from(x as u64)
    }
}

impl Add<&Count> for Count {
    type Output = Count;
    fn add(mut self, other: &Count) -> Count {
        self += other;
        self
    }
}

impl AddAssign<&Count> for Count {
    fn add_assign(&mut self, other: &Count) {
        let mut carry = 0u64;
        for i in 0..self.0.len().max(other.0.len()) {
            let sum = u64::from(self.0.get(i).copied().unwrap_or(0))
                + u64::from(other.0.get(i).copied().unwrap_or(0))
                + carry;
            let limb = (sum % BASE) as u32;
            match self.0.get_mut(i) {
                Some(l) => *l = limb,
                None => self.0.push(limb),
            }
            carry = sum / BASE;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
}

impl Count {
    /// `self - other`, or zero when `other` is larger.
    pub fn saturating_sub(&self, other: &Count) -> Count {
        if other >= self {
            return Count::zero();
        }
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &a) in self.0.iter().enumerate() {
            let mut d = i64::from(a) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = 0;
            if d < 0 {
                d += BASE as i64;
                borrow = 1;
            }
            out.push(d as u32);
        }
        Count(out).trim()
    }
}

impl Mul<usize> for Count {
    type Output = Count;
    fn mul(self, factor: usize) -> Count {
        self * &Count::from(factor)
    }
}

impl Mul<&Count> for Count {
    type Output = Count;
    fn mul(mut self, other: &Count) -> Count {
        // By one limb (a class count, a factor of one): in place.
        if let [small] = other.0[..] {
            let mut carry = 0u64;
            for limb in self.0.iter_mut() {
                let cur = u64::from(*limb) * u64::from(small) + carry;
                *limb = (cur % BASE) as u32;
                carry = cur / BASE;
            }
            while carry > 0 {
                self.0.push((carry % BASE) as u32);
                carry /= BASE;
            }
            return self.trim();
        }
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.0.iter().enumerate() {
                let cur = out[i + j] + u64::from(a) * u64::from(b) + carry;
                out[i + j] = cur % BASE;
                carry = cur / BASE;
            }
            let mut k = i + other.0.len();
            while carry > 0 {
                let cur = out[k] + carry;
                out[k] = cur % BASE;
                carry = cur / BASE;
                k += 1;
            }
        }
        Count(out.into_iter().map(|l| l as u32).collect()).trim()
    }
}

impl std::iter::Product<Count> for Count {
    fn product<I: Iterator<Item = Count>>(iter: I) -> Count {
        iter.fold(Count::from(1u64), |acc, x| acc * &x)
    }
}

impl<'a> std::iter::Sum<&'a Count> for Count {
    fn sum<I: Iterator<Item = &'a Count>>(iter: I) -> Count {
        iter.fold(Count::zero(), |acc, x| acc + x)
    }
}

impl Ord for Count {
    fn cmp(&self, other: &Count) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Count {
    fn partial_cmp(&self, other: &Count) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((top, rest)) = self.0.split_last() else {
            return f.write_str("0");
        };
        write!(f, "{top}")?;
        for limb in rest.iter().rev() {
            write!(f, "{limb:09}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Count;

    #[test]
    fn counts_stay_exact_far_past_machine_integers() {
        // 20^30 = 2^30 * 10^30: more than a u64 holds, and exact.
        let c: Count = (0..30).map(|_| Count::from(20u64)).product();
        assert_eq!(c.to_string(), format!("1073741824{}", "0".repeat(30)));
        assert_eq!(c.to_u64(), None);
        assert_eq!(c.scientific(), "1.07e39");
        // Far past f64's range, where a float count reads "inf".
        let huge: Count = (0..400).map(|_| Count::from(10u64)).product();
        assert_eq!(huge.to_string().len(), 401);
        assert_eq!(huge.scientific(), "1.00e400");
        assert_eq!(c.to_json(), serde_json::Value::from(c.to_string()));
    }

    #[test]
    fn sums_carry_and_compare() {
        let a = Count::from(999_999_999u64);
        let b = a.clone() + &Count::from(1u64);
        assert_eq!(b.to_string(), "1000000000");
        assert!(b > a);
        assert_eq!(Count::from(u64::MAX).to_u64(), Some(u64::MAX));
        assert_eq!(Count::zero().to_string(), "0");
        assert_eq!(Count::from(1_101_463_552u64).grouped(), "1,101,463,552");
        assert_eq!(Count::from(7u64).scientific(), "7.00e0");
        assert_eq!(Count::from(626_913_312_768u64).scientific(), "6.27e11");
        assert_eq!(Count::from(99_960u64).scientific(), "1.00e5");
        assert_eq!(Count::from(1_004_999u64).scientific(), "1.00e6");
        assert_eq!(b.saturating_sub(&a).to_string(), "1");
        assert_eq!(a.saturating_sub(&b), Count::zero());
        assert_eq!(
            Count::product_of([1usize << 40; 4]).to_string(),
            (0..4)
                .map(|_| Count::from(1u64 << 40))
                .product::<Count>()
                .to_string()
        );
        assert_eq!(Count::product_of([3, 0, 5]), Count::zero());
        let big = Count::from(u64::MAX) * 1000;
        assert_eq!(
            big.saturating_sub(&Count::from(1u64)).to_string(),
            "18446744073709551614999"
        );
    }
}
