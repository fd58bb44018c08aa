# The Node.js version CI installs: actions/setup-node reads the tag of the line below
# (.github/workflows/ci.yml). Nothing builds this image: the file exists so that Dependabot's
# docker updates propose each new Node.js 22 release as a pull request, which CI then tests.
FROM node:22.23.3-bookworm-slim
