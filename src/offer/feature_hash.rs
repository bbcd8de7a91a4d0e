//! A feature name's 64-bit hash (FNV-1a), the key of the compact models the build script
//! embeds: the build script and the reader must hash alike, so both compile this one file.

/// FNV-1a over the name's bytes. 64 bits keep the ~24,000 features of the built-in models apart
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

/// The compact model's first bytes.
pub const MAGIC: &[u8; 4] = b"RSM1";
