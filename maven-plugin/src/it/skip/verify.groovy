def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping: tidemark.skip is set')
assert !log.contains('INCOMPATIBLE')
assert !new File(basedir, 'target/tidemark').exists()
