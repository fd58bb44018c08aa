# 练习 2：从 wheel 文件名中读出版本、构建类型、Python 版本和平台
def parse_wheel(filename):
    name, version, python, abi, platform = filename.removesuffix(".whl").split("-")
    version, _, build = version.partition("+")
    return {"包": name, "版本": version, "构建": build or "无", "Python": python, "平台": platform}


for f in ["torch-2.14.1+cu130-cp311-cp311-manylinux_2_28_x86_64.whl",
          "torch-2.14.1+cpu-cp312-cp312-win_amd64.whl"]:
    print(parse_wheel(f))
