//! A small JSON reader and writer for what the widget itself stores and sends: the device draft,
//! the outbox, the definitions file and the payload.
//!
//! Written by hand for size (issue 6): `serde_json` with derived (de)serialisers is monomorphised
//! for every type it reads or writes, and cost the patient widget tens of kilobytes of
//! brotli-compressed wasm. This module is one parser and one printer, not generic over anything.
//! The native receiver and the tests keep using `serde_json`; native tests check that both agree
//! on every value the widget writes (see `tests/json.rs` and
//! `tests/json_writers.rs`).
//!
//! The reader follows RFC 8259 as `serde_json` does (same number grammar, escapes, nesting limit
//! of 128), and refuses an object with a key twice. The writer prints what `serde_json` prints
//! (compact, `/` and non-ASCII left as they are), except that a number with a fraction is written
//! with at most six decimal places: every decimal the widget stores has two.

use std::fmt;

/// A JSON value. Objects keep their keys in the order written (and never hold a key twice when
/// read by [`parse`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// An integer that fits in `i64`.
    Int(i64),
    /// A non-negative integer above `i64::MAX`.
    BigUint(u64),
    /// A number with a fraction or an exponent, or an integer beyond `u64`.
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Why a text is not JSON, with where (1-based line and column, as `serde_json` counts them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
    /// For "duplicate field", the key written twice. Not part of the message: a key can be any
    /// text, and messages may be logged.
    pub duplicate: Option<String>,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

impl Json {
    /// An object from its fields, in this order.
    pub fn obj<const N: usize>(fields: [(&str, Json); N]) -> Json {
        Json::Obj(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// A string value.
    pub fn str(s: &str) -> Json {
        Json::Str(s.to_owned())
    }

    /// A list of strings.
    pub fn strs<S: AsRef<str>>(list: &[S]) -> Json {
        Json::Arr(list.iter().map(|s| Json::str(s.as_ref())).collect())
    }

    /// `Some` as itself, `None` as `null`.
    pub fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Json) -> Json {
        v.map_or(Json::Null, f)
    }

    /// The field `key` of an object (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Json> {
        field(self.as_object()?, key)
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// An integer that fits in `i64` (never a number written with a fraction or exponent).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// A non-negative integer (never a number written with a fraction or exponent).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) => u64::try_from(*n).ok(),
            Json::BigUint(n) => Some(*n),
            _ => None,
        }
    }

    /// Any number, as `f64`.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Int(n) => Some(*n as f64),
            Json::BigUint(n) => Some(*n as f64),
            Json::Float(x) => Some(*x),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the compact JSON text to `out`.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => write_int(out, n.unsigned_abs(), *n < 0),
            Json::BigUint(n) => write_int(out, *n, false),
            Json::Float(x) => write_float(out, *x),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) => {
                out.push('[');
                for (n, v) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (n, (k, v)) in fields.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The object with field `key` added at the end (a value that is not an object is left as
    /// it is). For writers that build an object field by field, in serde's order.
    pub fn with(mut self, key: &str, value: Json) -> Json {
        if let Json::Obj(fields) = &mut self {
            fields.push((key.to_owned(), value));
        }
        self
    }

    /// [`Json::with`] for a field left out when there is nothing to write, as serde leaves out a
    /// field marked `skip_serializing_if` (`Option::is_none`, `Vec::is_empty`).
    pub fn with_some(self, key: &str, value: Option<Json>) -> Json {
        match value {
            Some(v) => self.with(key, v),
            None => self,
        }
    }
}

/// The field `key` among an object's fields.
pub fn field<'a>(fields: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<i64> for Json {
    fn from(n: i64) -> Json {
        Json::Int(n)
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Json {
        i64::try_from(n).map_or(Json::BigUint(n), Json::Int)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Int(n.into())
    }
}

impl From<f64> for Json {
    fn from(x: f64) -> Json {
        Json::Float(x)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

fn write_int(out: &mut String, mut n: u64, negative: bool) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        out.push('-');
    }
    for &d in &digits[at..] {
        out.push(d as char);
    }
}

/// A finite number as `serde_json` prints it when it has at most six decimal places (`7.0`,
/// `23.21`, `-0.5`): the whole part, then the fraction rounded to six places without trailing
/// zeros. Anything not finite is `null`, as in `serde_json`. (Not the shortest round-trip digits
/// in general, which would bring core's float formatting into the wasm; every decimal the widget
/// writes has two places.)
fn write_float(out: &mut String, x: f64) {
    const SCALE: f64 = 1_000_000.0;
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    let mut whole = x.trunc().abs();
    let mut frac = (x.fract().abs() * SCALE).round() as u64;
    if frac == SCALE as u64 {
        whole += 1.0;
        frac = 0;
    }
    // Whole parts beyond u64 are written as their highest u64; the widget writes none.
    write_int(out, whole as u64, x.is_sign_negative());
    out.push('.');
    let mut width = 6;
    while width > 1 && frac.is_multiple_of(10) {
        frac /= 10;
        width -= 1;
    }
    let mut digits = [b'0'; 6];
    for d in digits[..width].iter_mut().rev() {
        *d = b'0' + (frac % 10) as u8;
        frac /= 10;
    }
    for &d in &digits[..width] {
        out.push(d as char);
    }
}

fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Reads one JSON value (with nothing but whitespace around it).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(p.fail("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: u32,
}

const MAX_DEPTH: u32 = 128;

impl Parser<'_> {
    /// An error at the current position. Like `serde_json`, the column is that of the last byte
    /// read (0 when nothing of the line has been read).
    fn fail(&self, what: &'static str) -> JsonError {
        let upto = &self.text[..self.at.min(self.text.len())];
        let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
        let column = upto.iter().rev().take_while(|&&b| b != b'\n').count();
        JsonError {
            what,
            line,
            column,
            duplicate: None,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        self.skip_space();
        let Some(b) = self.peek() else {
            return Err(self.fail("EOF while parsing a value"));
        };
        match b {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Json::Str)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.fail("recursion limit exceeded"));
                }
                self.at += 1;
                let v = if b == b'[' {
                    self.list()
                } else {
                    self.object()
                };
                self.depth -= 1;
                v
            }
            _ => {
                self.at += 1;
                Err(self.fail("expected value"))
            }
        }
    }

    fn word(&mut self, word: &str, v: Json) -> Result<Json, JsonError> {
        for &w in word.as_bytes() {
            match self.peek() {
                Some(b) if b == w => self.at += 1,
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("expected ident"));
                }
                None => return Err(self.fail("EOF while parsing a value")),
            }
        }
        Ok(v)
    }

    fn list(&mut self) -> Result<Json, JsonError> {
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("expected `,` or `]`"));
                }
                None => return Err(self.fail("EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self) -> Result<Json, JsonError> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Obj(fields));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => self.at += 1,
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("key must be a string"));
                }
                None => return Err(self.fail("EOF while parsing an object")),
            }
            let key = self.string()?;
            if fields.iter().any(|(k, _)| *k == key) {
                let mut e = self.fail("duplicate field");
                e.duplicate = Some(key);
                return Err(e);
            }
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("expected `:`"));
                }
                None => return Err(self.fail("EOF while parsing an object")),
            }
            let v = self.value()?;
            fields.push((key, v));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Obj(fields));
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.fail("expected `,` or `}`"));
                }
                None => return Err(self.fail("EOF while parsing an object")),
            }
        }
    }

    /// The rest of a string whose opening quote has been read.
    fn string(&mut self) -> Result<String, JsonError> {
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.fail("EOF while parsing a string"));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.fail("EOF while parsing a string"));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.fail("invalid escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                _ => out.push(b),
            }
        }
        // The input is a `&str` and escapes were written as whole characters, so this holds.
        String::from_utf8(out).map_err(|_| self.fail("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.fail("EOF while parsing a string"));
            };
            self.at += 1;
            let d = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.fail("invalid escape")),
            };
            n = n * 16 + u32::from(d);
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.fail("lone leading surrogate in hex escape")),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.peek() {
                p.at += 1;
            }
            p.at - from
        };
        let int_start = self.at;
        match digits(self) {
            0 => {
                if self.peek().is_some() {
                    self.at += 1;
                }
                return Err(self.fail("invalid number"));
            }
            n if n > 1 && self.text[int_start] == b'0' => {
                self.at = int_start + 1;
                return Err(self.fail("invalid number"));
            }
            _ => {}
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.fail(if self.peek().is_some() {
                    "invalid number"
                } else {
                    "EOF while parsing a value"
                }));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.fail(if self.peek().is_some() {
                    "invalid number"
                } else {
                    "EOF while parsing a value"
                }));
            }
        }
        // Only ASCII digits, sign, point and exponent were taken: valid UTF-8.
        let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        // `-0` is the float -0.0, as in `serde_json`.
        if integer && !(negative && self.text[int_start..self.at].iter().all(|&b| b == b'0')) {
            if let Ok(n) = text.parse::<i64>() {
                return Ok(Json::Int(n));
            }
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Json::BigUint(n));
            }
        }
        match decimal(text) {
            x if x.is_finite() => Ok(Json::Float(x)),
            _ => Err(self.fail("number out of range")),
        }
    }
}

/// The value of a number in JSON's grammar (already checked).
///
/// Exact (correctly rounded, as `str::parse` reads it) for up to 15 significant digits times a
/// power of ten within 10^±22 (`23.21` is 2321 × 10^-2): both operands of the one multiplication
/// or division are then exact, and IEEE 754 rounds that once. Every number in a
/// definitions file or a draft is of that kind. Longer numbers are read to within a few units in
/// the last place. Not `str::parse::<f64>` because its tables add 10 KB of incompressible data to
/// the wasm (issue 6).
fn decimal(text: &str) -> f64 {
    let (mantissa_text, exponent_text) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, "0"),
    };
    let negative = mantissa_text.starts_with('-');
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut after_point = false;
    for b in mantissa_text.bytes() {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' => {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    exponent -= i64::from(after_point);
                } else {
                    // Digits beyond the 18th only scale the number.
                    exponent += i64::from(!after_point);
                }
            }
            _ => {}
        }
    }
    let written: i64 = exponent_text.trim_start_matches('+').parse().unwrap_or(
        if exponent_text.starts_with('-') {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        },
    );
    let exponent = exponent.saturating_add(written).clamp(-800, 800);
    let mut x = mantissa as f64;
    if mantissa != 0 {
        let mut left = exponent.unsigned_abs();
        while left > 0 {
            let step = left.min(22);
            let mut power = 1.0;
            for _ in 0..step {
                power *= 10.0;
            }
            x = if exponent < 0 { x / power } else { x * power };
            left -= step;
        }
    }
    if negative { -x } else { x }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(
            r#" {"a": [1, -2, 3.5, 1e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#,
        )
        .unwrap();
        assert_eq!(
            v,
            Json::Obj(vec![
                (
                    "a".into(),
                    Json::Arr(vec![
                        Json::Int(1),
                        Json::Int(-2),
                        Json::Float(3.5),
                        Json::Float(100.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null,
                    ])
                ),
                ("b".into(), Json::Str("x\"\\/\né😀".into())),
            ])
        );
        assert_eq!(
            parse("18446744073709551615").unwrap(),
            Json::BigUint(u64::MAX)
        );
        assert_eq!(parse("-9223372036854775808").unwrap(), Json::Int(i64::MIN));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            " ",
            "{",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "\"abc",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\u{1}\"",
            "nul",
            "truth",
            "[1]]",
            "{\"a\":1,\"a\":2}",
            "1e400",
            "NaN",
            "'x'",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
        let deep = "[".repeat(129) + &"]".repeat(129);
        assert_eq!(parse(&deep).unwrap_err().what, "recursion limit exceeded");
        assert!(parse(&("[".repeat(128) + &"]".repeat(128))).is_ok());
    }

    #[test]
    fn says_where_the_text_went_wrong() {
        let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(e.to_string(), "expected `:` at line 3 column 7");
        assert_eq!(
            parse("[1, 2").unwrap_err().to_string(),
            "EOF while parsing a list at line 1 column 5"
        );
    }

    #[test]
    fn writes_what_it_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,100.0,true,false,null],"b":"x\"\\/\né😀\u0001\b\f\t\r"}"#,
            "[]",
            "{}",
            "-0.25",
            "18446744073709551615",
        ] {
            assert_eq!(parse(text).unwrap().to_text(), text);
        }
    }

    #[test]
    fn the_float_writer_keeps_six_decimals_and_drops_trailing_zeros() {
        for (x, text) in [
            (7.0, "7.0"),
            (23.21, "23.21"),
            (-0.5, "-0.5"),
            (0.1 + 0.2, "0.3"),
            (1.000001, "1.000001"),
            (0.9999999, "1.0"),
            (-800252251727.0, "-800252251727.0"),
            (-800252251727.25, "-800252251727.25"),
            (f64::NAN, "null"),
        ] {
            assert_eq!(Json::Float(x).to_text(), text);
        }
    }
}
