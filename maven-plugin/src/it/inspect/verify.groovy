import groovy.json.JsonSlurper

def healthy = new JsonSlurper().parse(new File(basedir, 'target/healthy.json'))
assert healthy.intact == true
assert healthy.problems == null || healthy.problems == []
assert healthy.pipeline == 'orders'
assert healthy.toolkitVersion ==~ /\d+\.\d+\.\d+.*/
assert healthy.lastCompletedBatch instanceof Number
assert healthy.positions.keySet().size() == 1
def totals = healthy.stateStages.findAll { it.id == 'totals' }.max { it.stateTime }
assert totals.keys == 2
assert totals.bytes > 0
assert totals.files[0].valueFingerprint ==~ /[0-9a-f]{16}/
