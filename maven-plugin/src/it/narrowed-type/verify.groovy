import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]     ERROR totals.value.quantity: long narrowed to int; old values may not fit')
assert log.contains('[ERROR]       fix: keep long, or a type it widens to')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
def finding = report.baselines[0].pipelines[0].findings.find { it.severity == 'ERROR' }
assert finding.path == 'totals.value.quantity'
assert finding.kind == 'TYPE_NARROWED'
assert finding.fix == 'keep long, or a type it widens to'
