//! [`Text`]: a catalog's string, borrowed from the binary for the built-in catalogs and owned
//! for a user's. The built-in catalogs are read on every start from the JSON the build script
//! embeds, and copying their 2,000-odd strings into the heap was most of that read; now a
//! string the JSON holds without escapes is the binary's own, copied by nobody.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string of a catalog entry. It reads, compares, hashes, prints and serialises exactly as
/// the `str` it holds, so it stands where a `String` stood; only where it lives differs.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    /// Text that lives as long as the program: no copy.
    pub const fn from_static(s: &'static str) -> Text {
        Text(Cow::Borrowed(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text is the binary's own rather than a copy in the heap.
    pub fn is_static(&self) -> bool {
        matches!(self.0, Cow::Borrowed(_))
    }

    /// The text without surrounding whitespace: a narrower view of the binary's own text,
    /// an owned text moved when it has none to lose.
    #[must_use]
    pub fn trimmed(self) -> Text {
        match self.0 {
            Cow::Borrowed(s) => Text(Cow::Borrowed(s.trim())),
            Cow::Owned(s) if s.trim().len() == s.len() => Text(Cow::Owned(s)),
            Cow::Owned(s) => Text(Cow::Owned(s.trim().to_owned())),
        }
    }

    /// The text in lower case (keywords are matched that way), kept as it is when it already is.
    #[must_use]
    pub fn lowercased(self) -> Text {
        // Every byte looked at, no early exit: the loop is vectorised.
        let (upper, wide) = self.0.bytes().fold((false, false), |(upper, wide), b| {
            (upper | b.is_ascii_uppercase(), wide | !b.is_ascii())
        });
        // Letters beyond ASCII ("présentation", "reuniões") are looked at one by one only
        // when there are some: a keyword already in lower case stays the binary's own text.
        let lower_wide = || {
            self.0.chars().all(|c| {
                let mut lower = c.to_lowercase();
                lower.next() == Some(c) && lower.next().is_none()
            })
        };
        if upper || (wide && !lower_wide()) {
            Text(Cow::Owned(self.0.to_lowercase()))
        } else {
            self
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Cow::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Cow::Owned(s.to_owned()))
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> String {
        t.0.as_ref().to_owned()
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text, E> {
                Ok(super::load::builtin_static(v).map_or_else(|| Text::from(v), Text::from_static))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Where a slice of `text` begins and ends, as addresses: `part` lies inside `whole` exactly
/// when its range is within the whole's (two live values never overlap otherwise). Then
/// `whole[offset..offset + part.len()]` is `part` itself, reached through `whole`'s lifetime.
pub(super) fn offset_within(whole: &str, part: &str) -> Option<usize> {
    let start = whole.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    (at >= start && at + part.len() <= start + whole.len()).then(|| at - start)
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn lower_case_text_stays_the_binarys_own_in_any_language() {
        for kept in [
            "welcome new members",
            "accueil des nouveaux membres",
            "reuniões",
            "ñandú",
        ] {
            let t = Text::from_static(kept).lowercased();
            assert!(t.is_static() && t.as_str() == kept, "{kept}");
        }
        for (text, lower) in [
            ("Welcome", "welcome"),
            ("Présentation", "présentation"),
            ("ÉVÉNEMENTS", "événements"),
            ("ǅ", "ǆ"),
        ] {
            let t = Text::from_static(text).lowercased();
            assert!(!t.is_static() && t.as_str() == lower, "{text}");
        }
    }
}
