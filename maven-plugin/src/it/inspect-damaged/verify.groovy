def log = new File(basedir, 'build.log').text
def (metadata, part) = new File(basedir, 'damaged.txt').readLines()
assert log.contains('[INFO]   pipeline             orders (batch interval 500 ms)')
assert log =~ /\[INFO\]     \S*${metadata.replace('.', '\\.')}  DAMAGED: \$: not valid JSON/
assert log =~ /\[WARNING\] The checkpoint \S+ has 2 problem\(s\): metadata file \S+ is damaged: .*; state file \S*part-0 is damaged: at byte \d+: bad CRC32C; the file is damaged or truncated/
