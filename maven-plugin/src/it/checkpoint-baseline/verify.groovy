import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Baseline: the checkpoint ../release-1.0/target/tidemark/checkpoint (tidemark.checkpoint)')
assert log =~ /Pipelines checked against the checkpoint file:\S+\/release-1\.0\/target\/tidemark\/checkpoint\/? \(batch \d+, written by Tidemark \S+\): AFTER_MIGRATION/
assert log.contains('[WARNING]     MIGRATION totals.value.orders: field orders was added; old data reads it as its default')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
assert report.baselines*.kind == ['CHECKPOINT']
def orders = report.baselines[0].pipelines.find { it.pipeline == 'orders' }
assert orders.verdict == 'AFTER_MIGRATION'
assert orders.stages.totals == 'AFTER_MIGRATION'
assert orders.findings.find { it.path == 'totals.value.orders' }.kind == 'FIELD_ADDED_WITH_DEFAULT'
