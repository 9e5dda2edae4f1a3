def log = new File(basedir, 'build.log').text
def recorded = new File(basedir, 'src/main/tidemark/1.0/orders.json')
assert log.contains('[ERROR] Failed to execute goal io.tidemark:tidemark-maven-plugin:')
assert log.contains("The recorded baseline [${recorded}] differs from the build's descriptor; checkpoints may have been written with it, so it is not replaced silently")
assert log.contains("[INFO] Replaced baseline ${recorded}")
assert log.contains("[INFO] Baseline ${recorded} is up to date")
// the recorded file is now the build's descriptor: no field "orders" of 1.1 any more
assert recorded.text == new File(basedir, 'target/classes/META-INF/tidemark/orders.json').text
