/// Fieldbook's version, written in this one place: `fieldbook --version` prints it, and `scripts/package` reads it
/// from the built binary to name the release tarball.
let fieldbookVersion = "0.1.0"
