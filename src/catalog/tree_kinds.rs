//! The kinds of a flat tree's nodes: one list for the build script that writes the trees
//! (`src/build.rs`, which includes this file) and the reader that reads them back
//! (`catalog/tree.rs`), so the two can never disagree on a number.

pub const NULL: u32 = 0;
pub const FALSE: u32 = 1;
pub const TRUE: u32 = 2;
pub const UINT: u32 = 3;
pub const INT: u32 = 4;
pub const FLOAT: u32 = 5;
pub const STRING: u32 = 6;
pub const SEQUENCE: u32 = 7;
pub const MAPPING: u32 = 8;
