def log = new File(basedir, 'build.log').text
assert log.contains('No baseline, and this is declared the first release: 1 pipeline(s), nothing to check')
assert new File(basedir, 'target/classes/META-INF/tidemark/orders.json').isFile()
// tidemark:run ran the pipeline: the totals were written, and checkpointed
assert new File(basedir, 'target/out').list().any { it.startsWith('totals-') }
assert new File(basedir, 'target/tidemark/checkpoint/metadata').list().any { it.startsWith('batch-') }
assert new File(basedir, 'target/tidemark/checkpoint/state/totals').isDirectory()
