//! Writes the specimen receipt to the path given (default `receipt.pdf`), to look at:
//! `cargo run --example receipt -- /tmp/r.pdf && pdftoppm -png /tmp/r.pdf /tmp/r`.
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "receipt.pdf".into());
    let receipt = tiepdan_core::print::receipt::specimen();
    let pdf = tiepdan_core::print::receipt::render(&receipt);
    std::fs::write(&path, pdf).expect("the path is writable");
}
