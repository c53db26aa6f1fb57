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

/// A set of answer classes of one question (or of questions, by index).
pub use crate::bitset::BitSet as ClassSet;

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
