import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR]     ERROR recent: stateful stage recent was removed; its checkpointed state would be lost')
assert log.contains('[ERROR]       fix: restore the stage, declare it dropped (droppedStage("recent")), or declare the id that replaces it (renamedStage("recent", newId))')

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
def finding = report.baselines[0].pipelines[0].findings.find { it.severity == 'ERROR' }
assert finding.path == 'recent'
assert finding.kind == 'STATEFUL_STAGE_REMOVED'
