def log = new File(basedir, 'build.log').text
assert log.contains('No baseline to check the pipelines orders against: nothing committed in ')
assert log.contains('and no release of it.tidemark:orders-unreleased below 1.0 in the repositories. Fix: record the descriptors of the released version with `mvn compile tidemark:baseline`')
assert log.contains('set -Dtidemark.firstRelease=true')
assert !new File(basedir, 'target/tidemark/compatibility.json').exists()
