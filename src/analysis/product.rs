//! Two walks over the same answers at once: the old and the new rules of a
//! comparison, or one rules file from two branches of a step (an answer and
//! a worse one). For every pair of ends the walks can reach together it
//! counts the answer sets that lead there, and can give one of them.
//!
//! The walks move one step at a time. The left one goes first; a question it
//! answers that the right one may still ask is remembered (which classes
//! took the left's branch), and the right one must then answer within them.
//! The right one moves when its question is remembered or the left one has
//! ended, so the two stay close and most states are met again: a state is
//! the two nodes and the remembered classes, and each is worked out once.
//! For trees that ask their questions in a similar order, the states are
//! about as many as the nodes; `limit` stops a pair of trees that ask in very
//! different orders before it exhausts memory.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use super::count::Count;
use super::tree::{ClassSet, Tree};
use crate::rules::NodeId;

/// Where a walk ends: an outcome, or `None` (no branch took the answer).
pub type End = Option<NodeId>;

/// Answer sets per pair of ends (left, right), counted over the questions
/// either walk can still ask from a state.
pub type Ends = BTreeMap<(End, End), Count>;

/// Remembered classes for the right walk: question index -> classes.
type Pending = Vec<(usize, ClassSet)>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    left: End,
    right: End,
    pending: Pending,
}

/// One way out of a state: the next state, the answers it fixes, and the
/// count of classes of the questions no walk can ask any more.
struct Move {
    next: State,
    /// The question answered, and the classes that take this way.
    fixed: (usize, ClassSet),
    factor: Count,
}

/// The comparison ran into its stated limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub limit: usize,
}

pub struct Product<'a, 'r> {
    left: &'a Tree<'r>,
    right: &'a Tree<'r>,
    left_askable: Vec<ClassSet>,
    right_askable: Vec<ClassSet>,
    memo: HashMap<State, Rc<Ends>>,
    limit: usize,
    /// Whether to count answer sets, or only find which ends are reached
    /// (each then counts 1): a check needs only the ends, and counts of a
    /// long chain run to thousands of digits.
    counting: bool,
}

/// States a product may work out before it stops: about a million keeps it
/// under a few hundred megabytes.
pub const STATE_LIMIT: usize = 1_000_000;

impl<'a, 'r> Product<'a, 'r> {
    /// Both trees must be built over the same class lists.
    pub fn new(
        left: &'a Tree<'r>,
        right: &'a Tree<'r>,
        limit: usize,
        counting: bool,
    ) -> Product<'a, 'r> {
        Product {
            left_askable: left.askable(),
            right_askable: if std::ptr::eq(left, right) {
                Vec::new()
            } else {
                right.askable()
            },
            left,
            right,
            memo: HashMap::new(),
            limit,
            counting,
        }
    }

    fn right_askable(&self, node: NodeId) -> &ClassSet {
        if self.right_askable.is_empty() {
            &self.left_askable[node.0]
        } else {
            &self.right_askable[node.0]
        }
    }

    fn askable(&self, state: &State) -> ClassSet {
        let n = self.left.sizes.len();
        let mut set = match state.left {
            Some(l) => self.left_askable[l.0].clone(),
            None => ClassSet::empty(n),
        };
        if let Some(r) = state.right {
            set.union_with(self.right_askable(r));
        }
        set
    }

    /// The ends two walks reach from `left` and `right`, with the answer
    /// sets counted over every question (those neither walk asks from here
    /// count all their classes).
    pub fn ends(&mut self, left: End, right: End) -> Result<Ends, TooLarge> {
        let start = State {
            left,
            right,
            pending: Vec::new(),
        };
        let ends = self.solve(&start)?;
        if !self.counting {
            return Ok((*ends).clone());
        }
        let free = ClassSet::full(self.left.sizes.len()).minus(&self.askable(&start));
        let factor = Count::product_of(free.iter().map(|q| self.left.sizes[q]));
        Ok(ends
            .iter()
            .map(|(k, v)| (*k, v.clone() * &factor))
            .collect())
    }

    /// One answer set (a class per question) that leads the walks from
    /// `left` and `right` to `ends`, within `choice` (narrowed in place);
    /// `asked` gets the questions either walk asks on the way. Call after
    /// [`Product::ends`] for the same start.
    pub fn witness(
        &mut self,
        left: End,
        right: End,
        ends: (End, End),
        choice: &mut [ClassSet],
        asked: &mut Vec<usize>,
    ) -> Result<bool, TooLarge> {
        let mut state = State {
            left,
            right,
            pending: Vec::new(),
        };
        loop {
            if self.is_end(&state) {
                return Ok((state.left, state.right) == ends);
            }
            let moves = self.moves(&state);
            let mut chosen = None;
            for m in moves {
                let reaches = self.solve(&m.next)?;
                if reaches.contains_key(&ends) {
                    chosen = Some(m);
                    break;
                }
            }
            let Some(m) = chosen else {
                return Ok(false);
            };
            let (q, set) = &m.fixed;
            choice[*q] = choice[*q].and(set);
            if !asked.contains(q) {
                asked.push(*q);
            }
            state = m.next;
        }
    }

    /// The ways out of a state that some answers take.
    fn moves(&self, state: &State) -> Vec<Move> {
        let left_step = state.left.and_then(|l| self.left.steps[l.0].as_ref());
        let right_step = state.right.and_then(|r| self.right.steps[r.0].as_ref());
        let right_remembered =
            right_step.is_some_and(|s| state.pending.iter().any(|(q, _)| *q == s.question));
        let mut out = Vec::new();
        match (left_step, right_step) {
            (Some(step), _) if !right_remembered => {
                let q = step.question;
                let remember = state
                    .right
                    .is_some_and(|r| self.right_askable(r).contains(q));
                for (next, set) in &step.branches {
                    let mut pending = state.pending.clone();
                    if remember {
                        pending.push((q, set.clone()));
                        pending.sort_by_key(|p| p.0);
                    }
                    let next_state = State {
                        left: *next,
                        right: state.right,
                        pending,
                    };
                    let mut factor_of = self.leaving(state, &next_state, q);
                    if !remember {
                        factor_of.push(set.len());
                    }
                    out.push(Move {
                        next: next_state,
                        fixed: (q, set.clone()),
                        factor: self.factor(factor_of),
                    });
                }
            }
            (_, Some(step)) => {
                let q = step.question;
                let remembered = state
                    .pending
                    .iter()
                    .find(|(p, _)| *p == q)
                    .map(|(_, s)| s.clone());
                for (next, set) in &step.branches {
                    let taken = match &remembered {
                        Some(r) => set.and(r),
                        None => set.clone(),
                    };
                    if taken.is_empty() {
                        continue;
                    }
                    let pending: Pending = state
                        .pending
                        .iter()
                        .filter(|(p, _)| *p != q)
                        .cloned()
                        .collect();
                    let mut next_state = State {
                        left: state.left,
                        right: *next,
                        pending,
                    };
                    let mut factor_of = vec![taken.len()];
                    // Remembered questions the right walk can no longer ask
                    // are settled: their remembered classes all count.
                    let still = next.map(|n| self.right_askable(n).clone());
                    next_state.pending.retain(|(p, set)| {
                        let keep = still.as_ref().is_some_and(|s| s.contains(*p));
                        if !keep {
                            factor_of.push(set.len());
                        }
                        keep
                    });
                    factor_of.extend(self.leaving(state, &next_state, q));
                    out.push(Move {
                        next: next_state,
                        fixed: (q, taken),
                        factor: self.factor(factor_of),
                    });
                }
            }
            _ => {}
        }
        out
    }

    /// Class counts of the questions askable before a move and by neither
    /// walk after it: all their classes count. The question answered
    /// (`answered`) and remembered ones are counted by the caller. Worked
    /// word by word, without building sets: this runs once per move.
    fn leaving(&self, from: &State, next: &State, answered: usize) -> Vec<usize> {
        if !self.counting {
            return Vec::new();
        }
        let sets = |state: &State| {
            [
                state.left.map(|l| &self.left_askable[l.0]),
                state.right.map(|r| self.right_askable(r)),
            ]
        };
        let (was, now) = (sets(from), sets(next));
        let word = |sets: &[Option<&ClassSet>; 2], i: usize| {
            sets.iter().flatten().fold(0u64, |acc, s| acc | s.word(i))
        };
        let mut out = Vec::new();
        for i in 0..self.left.sizes.len().div_ceil(64) {
            let mut gone = word(&was, i) & !word(&now, i);
            while gone != 0 {
                let q = i * 64 + gone.trailing_zeros() as usize;
                gone &= gone - 1;
                let remembered = from
                    .pending
                    .iter()
                    .chain(&next.pending)
                    .any(|(p, _)| *p == q);
                if q != answered && !remembered {
                    out.push(self.left.sizes[q]);
                }
            }
        }
        out
    }

    fn factor(&self, sizes: Vec<usize>) -> Count {
        if self.counting {
            Count::product_of(sizes)
        } else {
            Count::from(1u64)
        }
    }

    fn is_end(&self, state: &State) -> bool {
        state.left.is_none_or(|l| self.left.steps[l.0].is_none())
            && state.right.is_none_or(|r| self.right.steps[r.0].is_none())
    }

    /// The ends from a state, worked out once per state, depth first with
    /// an explicit stack (a long chain must not overflow the call stack).
    fn solve(&mut self, start: &State) -> Result<Rc<Ends>, TooLarge> {
        struct Frame {
            state: State,
            moves: Vec<Move>,
            next: usize,
            acc: Ends,
        }
        if let Some(done) = self.memo.get(start) {
            return Ok(done.clone());
        }
        // The limit is per comparison: the memo is shared by all of them.
        let base = self.memo.len();
        let mut stack: Vec<Frame> = Vec::new();
        let open = |this: &Self, state: State| -> Frame {
            let moves = if this.is_end(&state) {
                Vec::new()
            } else {
                this.moves(&state)
            };
            let mut acc = Ends::new();
            if moves.is_empty() && this.is_end(&state) {
                acc.insert((state.left, state.right), Count::from(1u64));
            }
            Frame {
                state,
                moves,
                next: 0,
                acc,
            }
        };
        stack.push(open(self, start.clone()));
        while let Some(frame) = stack.last_mut() {
            if frame.next < frame.moves.len() {
                let m = &frame.moves[frame.next];
                if let Some(done) = self.memo.get(&m.next) {
                    for (k, v) in done.iter() {
                        if !self.counting {
                            frame.acc.insert(*k, Count::from(1u64));
                            continue;
                        }
                        let add = v.clone() * &m.factor;
                        match frame.acc.get_mut(k) {
                            Some(c) => *c += &add,
                            None => {
                                frame.acc.insert(*k, add);
                            }
                        }
                    }
                    frame.next += 1;
                } else {
                    if self.memo.len() - base >= self.limit {
                        return Err(TooLarge { limit: self.limit });
                    }
                    let next = m.next.clone();
                    let child = open(self, next);
                    stack.push(child);
                }
            } else if let Some(done) = stack.pop() {
                self.memo.insert(done.state, Rc::new(done.acc));
            }
        }
        self.memo
            .get(start)
            .cloned()
            .ok_or(TooLarge { limit: self.limit })
    }
}
