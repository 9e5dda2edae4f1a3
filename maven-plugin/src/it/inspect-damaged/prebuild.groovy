import java.nio.file.Files
import java.nio.file.StandardCopyOption

def healthy = new File(basedir, '../release-1.0/target/tidemark/checkpoint')
def damaged = new File(basedir, 'target/damaged')
healthy.eachFileRecurse { file ->
  def copy = new File(damaged, healthy.toPath().relativize(file.toPath()).toString())
  if (file.isDirectory()) copy.mkdirs() else Files.copy(file.toPath(), copy.toPath(), StandardCopyOption.REPLACE_EXISTING)
}
def newest = new File(damaged, 'metadata').listFiles().max { it.name.replaceAll(/\D/, '') as long }
newest.bytes = newest.bytes[0..<(newest.bytes.length / 2)] as byte[]
def totals = new File(damaged, 'state/totals')
def part = new File(totals.listFiles().max { it.name as long }, 'part-0')
def bytes = part.bytes
bytes[20] = (byte) (bytes[20] ^ 0xff)
part.bytes = bytes
new File(basedir, 'damaged.txt').text = newest.path + '\n' + part.path
true // what a pre-build script returns decides whether the build runs
