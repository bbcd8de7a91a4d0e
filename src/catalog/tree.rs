//! The built-in catalogs as the build script lays them out (`Tree` in `src/build.rs`): their
//! YAML read once at build time into flat nodes and one text of strings, which this reads back
//! through serde as if it were the YAML. Nothing is scanned and no string is copied (a string
//! is handed over as the binary's own, which [`Text`](super::Text) keeps), and every list's
//! length is known, so reading the built-ins costs little more than the few vectors they fill.
//!
//! A node is three little-endian `u32`s: its kind, then two numbers (a number's 64 bits, a
//! string's start and length in the text, or a sequence's or mapping's first node and length;
//! the items of a sequence and the keys and values of a mapping are consecutive nodes).

use serde::de::value::Error;
use serde::de::{self, DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};

use super::tree_kinds::{FALSE, FLOAT, INT, MAPPING, NULL, SEQUENCE, STRING, TRUE, UINT};

/// One node of a tree, ready to be deserialised.
#[derive(Clone, Copy)]
pub struct Node {
    nodes: &'static [u8],
    strings: &'static str,
    at: usize,
}

impl Node {
    pub fn new(nodes: &'static [u8], strings: &'static str, at: usize) -> Node {
        Node { nodes, strings, at }
    }

    fn at(self, at: usize) -> Node {
        Node { at, ..self }
    }

    /// The node's kind and its two numbers; an error past the end of the nodes.
    fn read(self) -> Result<(u32, u32, u32), Error> {
        let node: Option<&[u8; 12]> = self
            .at
            .checked_mul(12)
            .and_then(|start| self.nodes.get(start..start.checked_add(12)?))
            .and_then(|bytes| bytes.try_into().ok());
        let Some(node) = node else {
            return Err(Error::custom("a catalog node past the end of the tree"));
        };
        let word = |i: usize| u32::from_le_bytes([node[i], node[i + 1], node[i + 2], node[i + 3]]);
        Ok((word(0), word(4), word(8)))
    }

    fn string(self, start: u32, len: u32) -> Result<&'static str, Error> {
        let start = start as usize;
        self.strings
            .get(start..start + len as usize)
            .ok_or_else(|| Error::custom("a catalog string past the end of the text"))
    }

    /// The `len` nodes from `first` on, as one range.
    fn children(self, first: u32, len: u32, per_item: usize) -> Children {
        let next = first as usize;
        Children {
            node: self,
            next,
            end: next.saturating_add(per_item.saturating_mul(len as usize)),
        }
    }
}

impl<'de> de::Deserializer<'de> for Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (kind, a, b) = self.read()?;
        let wide = u64::from(a) | (u64::from(b) << 32);
        match kind {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            UINT => visitor.visit_u64(wide),
            INT => visitor.visit_i64(wide.cast_signed()),
            FLOAT => visitor.visit_f64(f64::from_bits(wide)),
            STRING => visitor.visit_borrowed_str(self.string(a, b)?),
            SEQUENCE => visitor.visit_seq(self.children(a, b, 1)),
            MAPPING => visitor.visit_map(self.children(a, b, 2)),
            _ => Err(Error::custom(format!("unknown catalog node kind {kind}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.read()?.0 == NULL {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// The items of a sequence (one node each) or the entries of a mapping (a key node, then its
/// value's).
struct Children {
    node: Node,
    next: usize,
    end: usize,
}

impl Children {
    fn take(&mut self) -> Option<Node> {
        (self.next < self.end).then(|| {
            self.next += 1;
            self.node.at(self.next - 1)
        })
    }
}

impl<'de> SeqAccess<'de> for Children {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.take().map(|n| seed.deserialize(n)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.end - self.next)
    }
}

impl<'de> MapAccess<'de> for Children {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        self.take().map(|n| seed.deserialize(n)).transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self
            .take()
            .ok_or_else(|| Error::custom("a catalog key without its value"))?;
        seed.deserialize(node)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.end - self.next) / 2)
    }
}
