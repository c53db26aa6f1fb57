//! A set of small numbers as bits: answer classes of a question, questions
//! by index. Used where the analyses and the loader track sets per node of a
//! tree, so each set is a few words, however many nodes there are.

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BitSet(Vec<u64>);

impl BitSet {
    pub fn empty(len: usize) -> BitSet {
        BitSet(vec![0; len.div_ceil(64)])
    }

    pub fn full(len: usize) -> BitSet {
        let mut set = BitSet::empty(len);
        for k in 0..len {
            set.insert(k);
        }
        set
    }

    pub fn insert(&mut self, k: usize) {
        if let Some(word) = self.0.get_mut(k / 64) {
            *word |= 1 << (k % 64);
        }
    }

    pub fn remove(&mut self, k: usize) {
        if let Some(word) = self.0.get_mut(k / 64) {
            *word &= !(1 << (k % 64));
        }
    }

    pub fn contains(&self, k: usize) -> bool {
        self.0.get(k / 64).is_some_and(|w| w & (1 << (k % 64)) != 0)
    }

    /// Bits `64 * i` to `64 * i + 63`.
    pub fn word(&self, i: usize) -> u64 {
        self.0.get(i).copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn first(&self) -> Option<usize> {
        self.0
            .iter()
            .enumerate()
            .find(|(_, w)| **w != 0)
            .map(|(i, w)| i * 64 + w.trailing_zeros() as usize)
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| i * 64 + b)
        })
    }

    pub fn and(&self, other: &BitSet) -> BitSet {
        BitSet(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }

    pub fn union_with(&mut self, other: &BitSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// In `self` and not in `other`.
    pub fn minus(&self, other: &BitSet) -> BitSet {
        BitSet(self.0.iter().zip(&other.0).map(|(a, b)| a & !b).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::BitSet;

    #[test]
    fn bit_sets_hold_more_than_a_word() {
        let mut s = BitSet::empty(130);
        for k in [0, 63, 64, 129] {
            s.insert(k);
        }
        assert_eq!(s.len(), 4);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert_eq!(s.first(), Some(0));
        let mut t = BitSet::full(130);
        t.remove(0);
        assert_eq!(s.and(&t).first(), Some(63));
        assert_eq!(s.minus(&t).iter().collect::<Vec<_>>(), vec![0]);
        assert!(BitSet::empty(130).is_empty());
    }
}
