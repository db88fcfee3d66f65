//! Ids in the UUID form Open Referral UK 3.0 asks for, made from a name so the
//! same record has the same id in every export, on every device: version 5
//! UUIDs (RFC 9562, SHA-1 of a namespace and a name), worked out here as the
//! app has no hashing library and needs no randomness for them.

/// The app's own namespace for the names it turns into ids.
const NAMESPACE: [u8; 16] = [
    0xa9, 0xc0, 0x3b, 0xcd, 0x33, 0x29, 0x40, 0x67, 0xb0, 0x62, 0xbc, 0x44, 0x7a, 0x7b, 0xc4, 0xc4,
];

/// The id that `name` always gets, such as "service-41" or "organization:leeds arts".
pub fn uuid_for(name: &str) -> String {
    uuid_v5(NAMESPACE, name)
}

/// A version 5 UUID of `name` in `namespace`, written in lower case.
pub fn uuid_v5(namespace: [u8; 16], name: &str) -> String {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name.as_bytes());
    let hash = sha1(&input);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Whether `text` is a UUID written out: 32 hex digits in groups of 8-4-4-4-12.
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut state: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = state;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let next = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, next);
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e]) {
            *s = s.wrapping_add(v);
        }
    }
    let mut out = [0u8; 20];
    for (i, s) in state.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&s.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ids_are_version_5_uuids_as_the_standard_defines_them() {
        // RFC 9562's DNS namespace and a well-known name give a published value.
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(dns, "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
        assert_eq!(uuid_for("service-41"), uuid_for("service-41"));
        assert_ne!(uuid_for("service-41"), uuid_for("service-42"));
        assert!(is_uuid(&uuid_for(
            "a name over sixty-four bytes long, so that SHA-1 needs two blocks for it"
        )));
        assert!(!is_uuid("lcc-0001"));
        assert!(!is_uuid("2ed6657d-e927-568b-95e1-2665a8aea6a"));
    }
}
