"""MkDocs hook: serve the figures in img/ (top level, so that the snippets write them with a short
relative path) as part of the site, at /img/..."""

from mkdocs.structure.files import File

from engine import IMG, ROOT


def on_files(files, config):
    for path in sorted(p for p in IMG.rglob("*") if p.is_file()):
        files.append(File(path.relative_to(ROOT).as_posix(), src_dir=str(ROOT),
                          dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
    return files
