//! Writes the specimen receipt to the path given (default `receipt.pdf`), to look at:
//! `cargo run --example receipt -- /tmp/r.pdf && pdftoppm -png /tmp/r.pdf /tmp/r`.
//! `--secret` marks it as a denouncer's ("MẬT").
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "receipt.pdf".into());
    let mut receipt = tiepdan::print::receipt::specimen();
    receipt.secret = std::env::args().any(|a| a == "--secret");
    let pdf = tiepdan::print::receipt::render(&receipt);
    std::fs::write(&path, pdf).expect("the path is writable");
}
