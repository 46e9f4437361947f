//! The encoder behind [`super::canonical_bytes`] (whose documentation has the
//! table of tags): a small [`serde::Serializer`] that writes every call of the
//! serde data model as a one-byte tag and its contents.

use serde::ser::{self, Serialize};

use super::ChainError;

/// The canonical bytes of `value` (the table is on [`super::canonical_bytes`]).
pub(super) fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, ChainError> {
    // Room for a lifecycle event (a payment is about 340 bytes), so that the
    // buffer is not grown and copied while it is written.
    let mut out = Vec::with_capacity(512);
    encode_into(value, &mut out)?;
    Ok(out)
}

/// [`encode`] into `out`, replacing what it held: a caller encoding many
/// values (a log being verified) reuses one buffer.
pub(super) fn encode_into<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> Result<(), ChainError> {
    out.clear();
    let mut encoder = Encoder {
        out: std::mem::take(out),
    };
    let result = value.serialize(&mut encoder);
    *out = encoder.out;
    result
}

impl ser::Error for ChainError {
    fn custom<M: std::fmt::Display>(message: M) -> Self {
        ChainError::Encoding {
            reason: message.to_string(),
        }
    }
}

struct Encoder {
    out: Vec<u8>,
}

impl Encoder {
    fn length(&mut self, n: usize) {
        self.out.extend_from_slice(&(n as u64).to_be_bytes());
    }

    fn text(&mut self, s: &str) {
        self.length(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    /// A tag and the names that follow it, then room for a count.
    fn open(&mut self, tag: u8, names: &[&str]) -> Compound<'_> {
        self.out.push(tag);
        for name in names {
            self.text(name);
        }
        let count_at = self.out.len();
        self.length(0);
        Compound {
            encoder: self,
            count_at,
            count: 0,
        }
    }
}

/// A sequence, tuple or struct being written: the count is filled in at the end.
struct Compound<'a> {
    encoder: &'a mut Encoder,
    count_at: usize,
    count: u64,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ChainError> {
        self.count += 1;
        value.serialize(&mut *self.encoder)
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), ChainError> {
        self.encoder.text(name);
        self.element(value)
    }

    fn close(self) -> Result<(), ChainError> {
        patch(&mut self.encoder.out, self.count_at, self.count)
    }
}

/// Writes `n` into the 8 bytes reserved at `at`.
fn patch(out: &mut [u8], at: usize, n: u64) -> Result<(), ChainError> {
    match out.get_mut(at..at + 8) {
        Some(slot) => {
            slot.copy_from_slice(&n.to_be_bytes());
            Ok(())
        }
        None => Err(ser::Error::custom("length slot missing")),
    }
}

/// `fmt::Write` into the output bytes.
struct Text<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// A map being written: entries are encoded apart and sorted at the end, so
/// the bytes do not depend on the map's iteration order.
struct MapEncoder<'a> {
    encoder: &'a mut Encoder,
    entries: Vec<(Vec<u8>, Vec<u8>)>,
    key: Option<Vec<u8>>,
}

macro_rules! integer {
    ($method:ident, $ty:ty, $tag:literal) => {
        fn $method(self, v: $ty) -> Result<(), ChainError> {
            let bytes = v.to_be_bytes();
            self.out.push($tag);
            self.out.push(bytes.len() as u8);
            self.out.extend_from_slice(&bytes);
            Ok(())
        }
    };
}

impl<'a> ser::Serializer for &'a mut Encoder {
    type Ok = ();
    type Error = ChainError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = MapEncoder<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), ChainError> {
        self.out.extend_from_slice(&[b'b', u8::from(v)]);
        Ok(())
    }

    integer!(serialize_i8, i8, b'i');
    integer!(serialize_i16, i16, b'i');
    integer!(serialize_i32, i32, b'i');
    integer!(serialize_i64, i64, b'i');
    integer!(serialize_i128, i128, b'i');
    integer!(serialize_u8, u8, b'u');
    integer!(serialize_u16, u16, b'u');
    integer!(serialize_u32, u32, b'u');
    integer!(serialize_u64, u64, b'u');
    integer!(serialize_u128, u128, b'u');

    fn serialize_f32(self, _: f32) -> Result<(), ChainError> {
        Err(ser::Error::custom(
            "f32 has no canonical encoding (the crate stores no floats)",
        ))
    }

    fn serialize_f64(self, _: f64) -> Result<(), ChainError> {
        Err(ser::Error::custom(
            "f64 has no canonical encoding (the crate stores no floats)",
        ))
    }

    fn serialize_char(self, v: char) -> Result<(), ChainError> {
        self.out.push(b'c');
        self.out.extend_from_slice(&u32::from(v).to_be_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), ChainError> {
        self.out.push(b's');
        self.text(v);
        Ok(())
    }

    /// As `serialize_str`, written in place (money and dates take this path).
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), ChainError> {
        use std::fmt::Write as _;
        self.out.push(b's');
        let at = self.out.len();
        self.length(0);
        write!(Text(&mut self.out), "{value}")
            .map_err(|_| ser::Error::custom("a Display impl failed"))?;
        let len = self.out.len() - at - 8;
        patch(&mut self.out, at, len as u64)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), ChainError> {
        self.out.push(b'y');
        self.length(v.len());
        self.out.extend_from_slice(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), ChainError> {
        self.out.push(b'n');
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), ChainError> {
        self.out.push(b'o');
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), ChainError> {
        self.out.push(b'0');
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), ChainError> {
        self.out.push(b'U');
        self.text(name);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), ChainError> {
        self.out.push(b'E');
        self.text(name);
        self.text(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), ChainError> {
        self.out.push(b'W');
        self.text(name);
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), ChainError> {
        self.out.push(b'V');
        self.text(name);
        self.text(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'L', &[]))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'T', &[]))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'P', &[name]))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'Q', &[name, variant]))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<MapEncoder<'a>, ChainError> {
        Ok(MapEncoder {
            encoder: self,
            entries: Vec::new(),
            key: None,
        })
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'R', &[name]))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, ChainError> {
        Ok(self.open(b'X', &[name, variant]))
    }
}

/// The element-by-element traits, all written the same way by [`Compound`].
macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = ChainError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ChainError> {
                self.element(value)
            }
            fn end(self) -> Result<(), ChainError> {
                self.close()
            }
        }
    };
    ($trait:ident) => {
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = ChainError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), ChainError> {
                self.field(name, value)
            }
            fn end(self) -> Result<(), ChainError> {
                self.close()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeStruct);
compound!(SerializeStructVariant);

impl ser::SerializeMap for MapEncoder<'_> {
    type Ok = ();
    type Error = ChainError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ChainError> {
        self.key = Some(encode(key)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ChainError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| ser::Error::custom("a map value without its key"))?;
        self.entries.push((key, encode(value)?));
        Ok(())
    }

    fn end(mut self) -> Result<(), ChainError> {
        if self.key.is_some() {
            return Err(ser::Error::custom("a map key without its value"));
        }
        self.entries.sort();
        let out = &mut self.encoder.out;
        out.push(b'M');
        out.extend_from_slice(&(self.entries.len() as u64).to_be_bytes());
        for (key, value) in &self.entries {
            out.extend_from_slice(key);
            out.extend_from_slice(value);
        }
        Ok(())
    }
}
