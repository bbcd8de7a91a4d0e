//! A feature name's 64-bit hash (FNV-1a), the key of the compact models the build script
//! embeds: the build script and the reader must hash alike, so both compile this one file.

/// FNV-1a over the name's bytes. 64 bits keep the ~97,000 features of the built-in models apart
/// (the build script refuses a model where two names share a hash).
#[must_use]
pub fn feature_hash(name: &str) -> u64 {
    let mut h = Fnv::new();
    h.str(name);
    h.finish()
}

/// [`feature_hash`] of a name fed in parts ("#" and a letter sequence's characters, a stem, a
/// space and another stem): the reader hashes a line's features without writing their names.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    #[must_use]
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    pub fn str(&mut self, s: &str) {
        for b in s.bytes() {
            self.byte(b);
        }
    }

    /// The character's UTF-8 bytes.
    pub fn char(&mut self, c: char) {
        let mut buf = [0; 4];
        self.str(c.encode_utf8(&mut buf));
    }

    #[must_use]
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The compact model's first bytes (2: with the directory of its hashes' top bits; 3: with
/// its weighting, and the features' IDFs in an IDF-weighted model; 4: rows in the order of the
/// features' names, each hash with its row).
pub const MAGIC: &[u8; 4] = b"RSM4";

/// How many top bits of a hash the compact model's directory is by, for `n` hashes: about one
/// hash a run, as many runs as the next power of two.
#[must_use]
pub fn directory_bits(n: usize) -> u32 {
    n.next_power_of_two().trailing_zeros().clamp(1, 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_hashed_in_parts_is_the_name_hashed_whole() {
        let mut h = Fnv::new();
        h.byte(b'#');
        for c in "<mod".chars() {
            h.char(c);
        }
        assert_eq!(h.finish(), feature_hash("#<mod"));
        let mut h = Fnv::new();
        h.str("repli");
        h.byte(b' ');
        h.str("comment");
        assert_eq!(h.finish(), feature_hash("repli comment"));
        let mut h = Fnv::new();
        h.char('é');
        assert_eq!(h.finish(), feature_hash("é"));
    }
}
