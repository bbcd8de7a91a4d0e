//! The short names a line is read by (its features, its terms), written into one buffer.
//!
//! A line has some fifty of them and a posting hundreds of lines: a `String` each was most of
//! the time of reading one. Sorted and deduplicated as strings are, so sums over them run in
//! the same order, and weights add up bit for bit as they did.

use std::cmp::Ordering;

/// Names packed into one `String`, each a span of it.
#[derive(Debug, Clone, Default)]
pub struct Names {
    buf: String,
    spans: Vec<Span>,
}

/// Where a name is in the buffer, and its first eight bytes as a number that sorts as they
/// do: most names differ there, so sorting seldom compares strings.
#[derive(Debug, Clone, Copy)]
struct Span {
    key: u64,
    start: usize,
    end: usize,
}

impl Span {
    fn new(buf: &str, start: usize) -> Span {
        let mut head = [0; 8];
        let bytes = &buf.as_bytes()[start..];
        let n = bytes.len().min(8);
        head[..n].copy_from_slice(&bytes[..n]);
        // Zero-padded and big-endian: a shorter name sorts before the names it begins, as
        // strings do; equal keys fall back to the strings.
        Span {
            key: u64::from_be_bytes(head),
            start,
            end: buf.len(),
        }
    }
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
        self.spans.push(Span::new(&self.buf, start));
    }

    /// Appends the name of a prefix and some characters (`'#'` and a letter sequence).
    pub fn push_chars(&mut self, prefix: &str, chars: &[char]) {
        let start = self.buf.len();
        self.buf.push_str(prefix);
        self.buf.extend(chars);
        self.spans.push(Span::new(&self.buf, start));
    }

    /// Room for `names` more names of `bytes` bytes in all, so that pushing them does not
    /// grow the buffers again and again.
    pub fn reserve(&mut self, names: usize, bytes: usize) {
        self.spans.reserve(names);
        self.buf.reserve(bytes);
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `i`-th name.
    pub fn get(&self, i: usize) -> &str {
        self.name(self.spans[i])
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.spans.iter().map(|&s| self.name(s))
    }

    fn name(&self, s: Span) -> &str {
        &self.buf[s.start..s.end]
    }

    /// Keeps the first `n` names.
    pub fn truncate(&mut self, n: usize) {
        self.spans.truncate(n);
    }

    /// Sorts the names from position `from` on and drops repeats among them, as `sort` and
    /// `dedup` do on a `Vec<String>`.
    pub fn sort_dedup_from(&mut self, from: usize) {
        let from = from.min(self.spans.len());
        let mut tail = self.spans.split_off(from);
        let order = |a: &Span, b: &Span| -> Ordering {
            a.key
                .cmp(&b.key)
                .then_with(|| self.name(*a).cmp(self.name(*b)))
        };
        tail.sort_unstable_by(order);
        tail.dedup_by(|a, b| order(a, b) == Ordering::Equal);
        self.spans.append(&mut tail);
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
        // Names that share their first eight bytes, or begin one another, sort as strings.
        let words = [
            "repli",
            "to",
            "comment",
            "to",
            "#repl",
            "repli to",
            "comment",
            "a",
            "communit",
            "community",
            "community",
            "communityx",
            "community manag",
            "",
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
        assert_eq!(names.to_vec(), ["head", ""]);
    }
}
