//! One rules file prepared for analysis: each step's branches as sets of
//! answer classes, the nodes in an order where parents come first, and what
//! can be computed from those in one pass over the nodes (which outcomes
//! some answers reach, how many paths there are, a path to a node under
//! constraints on the answers).
//!
//! Everything here costs time in proportion to the tree's size, never to its
//! number of paths: a file of a few kilobytes can have 2^40 paths.

use super::count::Count;
use crate::answers::Answer;
use crate::engine;
use crate::rules::{NodeId, NodeKind, QuestionId, Rules};

/// A set of answer classes of one question (or of questions), as bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassSet(Vec<u64>);

impl ClassSet {
    pub fn empty(len: usize) -> ClassSet {
        ClassSet(vec![0; len.div_ceil(64)])
    }

    pub fn full(len: usize) -> ClassSet {
        let mut set = ClassSet::empty(len);
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

    pub fn and(&self, other: &ClassSet) -> ClassSet {
        ClassSet(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }

    pub fn union_with(&mut self, other: &ClassSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// In `self` and not in `other`.
    pub fn minus(&self, other: &ClassSet) -> ClassSet {
        ClassSet(self.0.iter().zip(&other.0).map(|(a, b)| a & !b).collect())
    }
}

/// A step's question and where each set of its classes leads (`None`: no
/// branch takes them).
#[derive(Debug, Clone)]
pub struct StepEdges {
    /// Index into the class lists the tree was built with.
    pub question: usize,
    pub branches: Vec<(Option<NodeId>, ClassSet)>,
}

#[derive(Debug)]
pub struct Tree<'r> {
    pub rules: &'r Rules,
    /// The class lists, per question index.
    pub sizes: Vec<usize>,
    /// Per node: its edges, or `None` for an outcome.
    pub steps: Vec<Option<StepEdges>>,
    /// Every node reached from the start, parents before children.
    pub order: Vec<NodeId>,
}

impl<'r> Tree<'r> {
    /// `classes` per question index; `index` maps a question of `rules` to
    /// its index there (the identity for one file, a shared list of
    /// questions when comparing two).
    pub fn new(
        rules: &'r Rules,
        classes: &[Vec<Answer>],
        index: impl Fn(QuestionId) -> Option<usize>,
    ) -> Tree<'r> {
        let sizes: Vec<usize> = classes.iter().map(Vec::len).collect();
        let steps: Vec<Option<StepEdges>> = rules
            .nodes
            .iter()
            .map(|node| {
                let NodeKind::Step(step) = &node.kind else {
                    return None;
                };
                let question = rules.question_at(step.question);
                let q = index(step.question)?;
                let mut branches: Vec<(Option<NodeId>, ClassSet)> = Vec::new();
                for (k, answer) in classes[q].iter().enumerate() {
                    let next = engine::next_node(&step.branches, question, answer);
                    match branches.iter_mut().find(|(n, _)| *n == next) {
                        Some((_, set)) => set.insert(k),
                        None => {
                            let mut set = ClassSet::empty(sizes[q]);
                            set.insert(k);
                            branches.push((next, set));
                        }
                    }
                }
                Some(StepEdges {
                    question: q,
                    branches,
                })
            })
            .collect();
        let order = topological(rules.start, &steps);
        Tree {
            rules,
            sizes,
            steps,
            order,
        }
    }

    /// Nodes some answers reach. A question is asked at most once on a path
    /// (the loader makes sure), so a path whose every branch is taken by
    /// some class is taken by a whole answer set.
    pub fn reached(&self) -> Vec<bool> {
        let mut reached = vec![false; self.steps.len()];
        reached[self.rules.start.0] = true;
        for &node in &self.order {
            if !reached[node.0] {
                continue;
            }
            if let Some(step) = &self.steps[node.0] {
                for (next, _) in &step.branches {
                    if let Some(next) = next {
                        reached[next.0] = true;
                    }
                }
            }
        }
        reached
    }

    /// The number of paths from each node to an end: one way through per
    /// set of classes that takes a branch.
    pub fn path_counts(&self) -> Vec<Count> {
        let mut counts = vec![Count::zero(); self.steps.len()];
        for &node in self.order.iter().rev() {
            counts[node.0] = match &self.steps[node.0] {
                None => Count::from(1u64),
                Some(step) => step
                    .branches
                    .iter()
                    .map(|(next, _)| match next {
                        Some(n) => counts[n.0].clone(),
                        None => Count::from(1u64),
                    })
                    .fold(Count::zero(), |acc, c| acc + &c),
            };
        }
        counts
    }

    /// The questions some path from each node on can ask, as bits over
    /// question indexes.
    pub fn askable(&self) -> Vec<ClassSet> {
        let n = self.sizes.len();
        let mut askable = vec![ClassSet::empty(n); self.steps.len()];
        for &node in self.order.iter().rev() {
            if let Some(step) = &self.steps[node.0] {
                let mut set = ClassSet::empty(n);
                set.insert(step.question);
                for (next, _) in &step.branches {
                    if let Some(next) = next {
                        set.union_with(&askable[next.0]);
                    }
                }
                askable[node.0] = set;
            }
        }
        askable
    }

    /// A path from the start to a node `wanted` accepts (a step or an
    /// outcome; `None` for a branch that leads nowhere), taking only
    /// branches that some class in `allowed` takes: the steps on the way and
    /// the classes of each that go on along it.
    pub fn find_path(
        &self,
        allowed: &[ClassSet],
        wanted: impl Fn(Option<NodeId>) -> bool,
    ) -> Option<PathFound> {
        // Each node's parent edge, from a search in order (parents first).
        let mut parent: Vec<Option<(NodeId, ClassSet)>> = vec![None; self.steps.len()];
        let mut reached = vec![false; self.steps.len()];
        reached[self.rules.start.0] = true;
        for &node in &self.order {
            if !reached[node.0] {
                continue;
            }
            if wanted(Some(node)) {
                return Some(self.path_to(node, &parent, None));
            }
            let Some(step) = &self.steps[node.0] else {
                continue;
            };
            for (next, set) in &step.branches {
                let taken = set.and(&allowed[step.question]);
                if taken.is_empty() {
                    continue;
                }
                match next {
                    None if wanted(None) => {
                        return Some(self.path_to(node, &parent, Some(taken)));
                    }
                    None => {}
                    Some(n) if !reached[n.0] => {
                        reached[n.0] = true;
                        parent[n.0] = Some((node, taken));
                    }
                    Some(_) => {}
                }
            }
        }
        None
    }

    fn path_to(
        &self,
        end: NodeId,
        parent: &[Option<(NodeId, ClassSet)>],
        last: Option<ClassSet>,
    ) -> PathFound {
        let mut steps = Vec::new();
        if let (Some(set), Some(step)) = (last, &self.steps[end.0]) {
            steps.push((end, step.question, set));
        }
        let mut at = end;
        while let Some((from, set)) = &parent[at.0] {
            if let Some(step) = &self.steps[from.0] {
                steps.push((*from, step.question, set.clone()));
            }
            at = *from;
        }
        steps.reverse();
        PathFound { end, steps }
    }
}

/// A path found by [`Tree::find_path`]: where it ends (the last step, for a
/// path that falls off a step with no branch), and each step with its
/// question and the classes that go on along the path.
#[derive(Debug, Clone)]
pub struct PathFound {
    pub end: NodeId,
    pub steps: Vec<(NodeId, usize, ClassSet)>,
}

impl PathFound {
    /// Narrows `choice` (allowed classes per question) to this path.
    pub fn constrain(&self, choice: &mut [ClassSet]) {
        for (_, q, set) in &self.steps {
            choice[*q] = choice[*q].and(set);
        }
    }

    pub fn asked(&self) -> Vec<usize> {
        self.steps.iter().map(|(_, q, _)| *q).collect()
    }
}

/// Reverse post-order of a depth-first search from `start`, iteratively so
/// that no file can overflow the stack.
fn topological(start: NodeId, steps: &[Option<StepEdges>]) -> Vec<NodeId> {
    let mut seen = vec![false; steps.len()];
    let mut post = Vec::with_capacity(steps.len());
    let mut stack = vec![(start, 0usize)];
    seen[start.0] = true;
    while let Some((node, child)) = stack.pop() {
        let next = steps[node.0]
            .as_ref()
            .and_then(|s| s.branches.get(child))
            .map(|(n, _)| *n);
        match next {
            Some(target) => {
                stack.push((node, child + 1));
                if let Some(t) = target {
                    if !seen[t.0] {
                        seen[t.0] = true;
                        stack.push((t, 0));
                    }
                }
            }
            None => post.push(node),
        }
    }
    post.reverse();
    post
}

/// One answer set: the first class each question allows.
pub fn pick(choice: &[ClassSet]) -> Vec<usize> {
    choice.iter().map(|set| set.first().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::ClassSet;

    #[test]
    fn class_sets_hold_more_than_a_word() {
        let mut s = ClassSet::empty(130);
        for k in [0, 63, 64, 129] {
            s.insert(k);
        }
        assert_eq!(s.len(), 4);
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert_eq!(s.first(), Some(0));
        let mut t = ClassSet::full(130);
        t.remove(0);
        assert_eq!(s.and(&t).first(), Some(63));
        assert_eq!(s.minus(&t).iter().collect::<Vec<_>>(), vec![0]);
        assert!(ClassSet::empty(130).is_empty());
    }
}
