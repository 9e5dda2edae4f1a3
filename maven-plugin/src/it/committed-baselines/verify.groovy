import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] Baselines: all 2 committed in \S+\/src\/main\/tidemark/
assert log =~ /Pipelines checked against the committed baseline \S+\/src\/main\/tidemark\/1\.0: AFTER_MIGRATION/
assert log =~ /Pipelines checked against the committed baseline \S+\/src\/main\/tidemark\/1\.1: AS_IS/

def report = new JsonSlurper().parse(new File(basedir, 'target/tidemark/compatibility.json'))
assert report.verdict == 'AFTER_MIGRATION'
assert report.baselines*.kind == ['COMMITTED', 'COMMITTED']
assert report.baselines*.location.collect { new File(it).name } == ['1.0', '1.1']
assert report.baselines*.verdict == ['AFTER_MIGRATION', 'AS_IS']
assert report.baselines[1].pipelines[0].findings == []
