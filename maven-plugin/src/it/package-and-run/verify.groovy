// the pipeline jar runs on its own: list, an unknown pipeline, a run that processes input, a run stopped
// by SIGTERM, a restart that recovers, and inspect
def jar = new File(basedir, 'target/orders-app-1.0-pipeline.jar')
assert jar.isFile()
def java = new File(System.getProperty('java.home'), 'bin/java').path

def start = { List args -> new ProcessBuilder([java, '-jar', jar.path] + args).directory(basedir).redirectErrorStream(true).start() }
def run = { List args ->
  def process = start(args)
  def output = process.inputStream.text
  [process.waitFor(), output]
}

def (code, output) = run(['list'])
assert code == 0 && output.trim() == 'orders'

(code, output) = run(['run', 'nope', '--checkpoint', 'target/checkpoint'])
assert code == 2 && output.contains("Unknown pipeline 'nope'. Known pipelines: orders")

(code, output) = run(['run', 'orders', '--checkpoint', 'target/checkpoint', '--set', 'in=../release-1.0/orders.txt',
    '--set', 'out=target/out/totals', '--stop-after', '3s'])
assert code == 0 : output
assert output.contains('No checkpoint in ')
def written = new File(basedir, 'target/out').listFiles().findAll { it.name.startsWith('totals-') }
    .collectMany { batch -> batch.listFiles().findAll { it.name.startsWith('part-') }.collectMany { it.readLines() } }
assert written.contains('(alice,Totals[quantity=5, lastChannel=SHOP])')
assert written.contains('(bob,Totals[quantity=5, lastChannel=SHOP])')

def running = start(['run', 'orders', '--checkpoint', 'target/checkpoint', '--set', 'out=target/out/again'])
def reader = new BufferedReader(new InputStreamReader(running.inputStream))
def lines = []
for (def line = reader.readLine(); line != null && !line.contains('is running'); line = reader.readLine()) {
  lines << line
}
assert lines.any { it.contains('Recovering from ') } : lines.join('\n')
// the jar serves the status page by default: its JSON API answers while the pipeline runs
def page = lines.find { it.startsWith('Status page: ') }?.substring('Status page: '.length())
assert page ==~ /http:\/\/127\.0\.0\.1:\d+\// : lines.join('\n')
def pipelineJson = new URL(page + 'api/v1/pipeline').text
assert pipelineJson.contains('"name" : "orders"') && pipelineJson.contains('"state" : "ACTIVE"') : pipelineJson
assert new URL(page + 'metrics').text.contains('tidemark_batches_completed_total{pipeline="orders"}')
Thread.sleep(1000)
running.destroy() // SIGTERM: the shutdown hook stops the pipeline gracefully
assert running.waitFor() == 143
reader.close()

(code, output) = run(['run', 'orders', '--checkpoint', 'target/checkpoint', '--set', 'out=target/out/again', '--stop-after', '1s',
    '--ui-port', '0'])
assert code == 0 && output.contains('Recovering from ') : output
assert !output.contains('Status page: ') : output

(code, output) = run(['inspect', 'target/checkpoint'])
assert code == 0 : output
assert output.contains('  pipeline             orders (batch interval 500 ms)')
assert output =~ /    totals @ batch \d+: 2 keys, \d+ bytes in \d+ files/
