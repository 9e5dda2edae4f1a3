import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]     ERROR totals.value.lastChannel: enum symbol SHOP was removed, and the enum has no default symbol to read it as')
assert log.contains('[ERROR]       fix: keep the symbol SHOP, or declare a default symbol on the enum')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
def finding = report.baselines[0].pipelines[0].findings.find { it.severity == 'ERROR' }
assert finding.path == 'totals.value.lastChannel'
assert finding.kind == 'ENUM_SYMBOL_REMOVED'
assert finding.fix == 'keep the symbol SHOP, or declare a default symbol on the enum'
