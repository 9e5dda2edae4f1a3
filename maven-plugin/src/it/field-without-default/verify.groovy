import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]   orders: INCOMPATIBLE (stages: recent AS_IS, totals INCOMPATIBLE)')
assert log.contains('[ERROR]     ERROR totals.value.largest: field largest was added without a default; old data has no value for it')
assert log.contains('[ERROR]       why it matters: this build cannot restore a checkpoint written with the previous release it.tidemark:orders:jar:1.0')
assert log.contains('[ERROR]       fix: add @Default to largest, or make it Optional')
assert log.contains('This build cannot restore checkpoints written with the previous release it.tidemark:orders:jar:1.0: fix each ERROR above')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
assert report.verdict == 'INCOMPATIBLE'
def finding = report.baselines[0].pipelines[0].findings.find { it.severity == 'ERROR' }
assert finding.path == 'totals.value.largest'
assert finding.kind == 'FIELD_ADDED_WITHOUT_DEFAULT'
assert finding.fix == 'add @Default to largest, or make it Optional'
