//! A feature name's 64-bit hash (FNV-1a), the key of the compact models the build script
//! embeds: the build script and the reader must hash alike, so both compile this one file.

/// FNV-1a over the name's bytes. 64 bits keep the ~97,000 features of the built-in models apart
/// (the build script refuses a model where two names share a hash).
#[must_use]
pub fn feature_hash(name: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The compact model's first bytes (2: with the directory of its hashes' top bits; 3: with
/// its weighting, and the features' IDFs in an IDF-weighted model).
pub const MAGIC: &[u8; 4] = b"RSM3";

/// How many top bits of a hash the compact model's directory is by, for `n` hashes: about one
/// hash a run, as many runs as the next power of two.
#[must_use]
pub fn directory_bits(n: usize) -> u32 {
    n.next_power_of_two().trailing_zeros().clamp(1, 24)
}
