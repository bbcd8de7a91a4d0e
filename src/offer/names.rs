//! The short names a line is read by (its features, its terms), written into one buffer.
//!
//! A line has some fifty of them and a posting hundreds of lines: a `String` each was most of
//! the time of reading one. Sorted and deduplicated as strings are, so sums over them run in
//! the same order, and weights add up bit for bit as they did.

use std::ops::Range;

/// Names packed into one `String`, each a span of it.
#[derive(Debug, Clone, Default)]
pub struct Names {
    buf: String,
    spans: Vec<Range<usize>>,
}

impl Names {
    pub fn new() -> Names {
        Names::default()
    }

    /// Appends the name made of `parts` one after another (`["repli", " ", "to"]`).
    pub fn push(&mut self, parts: &[&str]) {
        let start = self.buf.len();
        for p in parts {
            self.buf.push_str(p);
        }
        self.spans.push(start..self.buf.len());
    }

    /// Appends the name of a prefix and some characters (`'#'` and a letter sequence).
    pub fn push_chars(&mut self, prefix: &str, chars: &[char]) {
        let start = self.buf.len();
        self.buf.push_str(prefix);
        self.buf.extend(chars);
        self.spans.push(start..self.buf.len());
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `i`-th name.
    pub fn get(&self, i: usize) -> &str {
        &self.buf[self.spans[i].clone()]
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.spans.iter().map(|s| &self.buf[s.clone()])
    }

    /// Keeps the first `n` names.
    pub fn truncate(&mut self, n: usize) {
        self.spans.truncate(n);
    }

    /// Sorts the names from position `from` on and drops repeats among them, as `sort` and
    /// `dedup` do on a `Vec<String>`.
    pub fn sort_dedup_from(&mut self, from: usize) {
        let buf = &self.buf;
        let from = from.min(self.spans.len());
        let tail = &mut self.spans[from..];
        tail.sort_unstable_by(|a, b| buf[a.clone()].cmp(&buf[b.clone()]));
        let mut kept = from;
        for i in from..self.spans.len() {
            if kept == from || buf[self.spans[i].clone()] != buf[self.spans[kept - 1].clone()] {
                self.spans.swap(kept, i);
                kept += 1;
            }
        }
        self.spans.truncate(kept);
    }

    /// The names as owned strings (training keeps them by name).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_and_dedup_match_a_vec_of_strings() {
        let words = [
            "repli", "to", "comment", "to", "#repl", "repli to", "comment", "a",
        ];
        let mut names = Names::new();
        names.push(&["head"]);
        for w in words {
            names.push(&[w]);
        }
        names.push_chars("#", &['é', 'x']);
        names.sort_dedup_from(1);
        let mut want: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        want.push("#éx".to_owned());
        want.sort_unstable();
        want.dedup();
        assert_eq!(names.get(0), "head");
        assert_eq!(names.iter().skip(1).collect::<Vec<_>>(), want);
        names.truncate(2);
        assert_eq!(names.to_vec(), ["head", "#repl"]);
    }
}
