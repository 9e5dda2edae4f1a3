def log = new File(basedir, 'build.log').text
assert log.contains('No baseline, and this is declared the first release: 1 pipeline(s), nothing to check')
assert new File(basedir, 'target/classes/META-INF/tidemark/orders.json').isFile()
// tidemark:run ran the pipeline, serving its status page on 4040 or the next free port, on this machine only
assert log =~ /Status page: http:\/\/127\.0\.0\.1:40[45]\d\//
// the totals were written, and checkpointed
assert new File(basedir, 'target/out').list().any { it.startsWith('totals-') }
assert new File(basedir, 'target/tidemark/checkpoint/metadata').list().any { it.startsWith('batch-') }
assert new File(basedir, 'target/tidemark/checkpoint/state/totals').isDirectory()
