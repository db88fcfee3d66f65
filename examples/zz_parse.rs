use social_prescribing::domain::clinic::Clinic;
use social_prescribing::domain::sample::{generate, FIVE_YEARS};
use std::time::Instant;
fn main() {
    let clinic = generate(1, FIVE_YEARS).clinic;
    let text = serde_json::to_string(&clinic).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let part = |k: &str| v[k].to_string();
    let mut nolog = v.clone();
    for p in nolog["people"].as_array_mut().unwrap() {
        p["log"] = serde_json::Value::Array(vec![]);
    }
    let nolog = nolog.to_string();
    let t = |name: &str, s: &str, f: &dyn Fn(&str)| {
        let n = 30;
        let st = Instant::now();
        for _ in 0..n {
            f(s)
        }
        println!(
            "{name}: {} bytes {:.2} ms",
            s.len(),
            st.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    };
    t("whole", &text, &|s| {
        let _: Clinic = serde_json::from_str(s).unwrap();
    });
    t("no logs", &nolog, &|s| {
        let _: Clinic = serde_json::from_str(s).unwrap();
    });
    t("bookings", &part("bookings"), &|s| {
        let _: Vec<social_prescribing::domain::clinic::bookings::Booking> =
            serde_json::from_str(s).unwrap();
    });
    t("people", &part("people"), &|s| {
        let _: Vec<social_prescribing::domain::clinic::people::Person> =
            serde_json::from_str(s).unwrap();
    });
    t("skip whole (IgnoredAny)", &text, &|s| {
        let _: serde::de::IgnoredAny = serde_json::from_str(s).unwrap();
    });
}
