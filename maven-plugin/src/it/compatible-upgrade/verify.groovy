import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Baseline: the previous release 1.0, the highest version below 1.1')
assert log.contains('[INFO] Pipelines checked against the previous release it.tidemark:orders:jar:1.0: AFTER_MIGRATION')
assert log.contains('[INFO]   orders: AFTER_MIGRATION (stages: recent AS_IS, totals AFTER_MIGRATION)')
assert log.contains('[WARNING]     MIGRATION totals.value.orders: field orders was added; old data reads it as its default')
assert log.contains('[WARNING]       why it matters: restoring converts the checkpointed data while reading it; nothing to do')
assert log.contains('The compatibility check has warnings and tidemark.failOnWarning is set')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
assert report.project == 'it.tidemark:orders:1.1'
assert report.verdict == 'AFTER_MIGRATION'
assert report.baselines*.kind == ['RELEASE']
def orders = report.baselines[0].pipelines.find { it.pipeline == 'orders' }
assert orders.status == 'CHECKED'
assert orders.verdict == 'AFTER_MIGRATION'
assert orders.stages == [recent: 'AS_IS', totals: 'AFTER_MIGRATION']
assert orders.findings.find { it.path == 'totals.value.orders' }.kind == 'FIELD_ADDED_WITH_DEFAULT'
assert new File(basedir, 'target/tidemark/compatibility.md').text.contains('| orders | AFTER_MIGRATION | recent AS_IS, totals AFTER_MIGRATION |')
