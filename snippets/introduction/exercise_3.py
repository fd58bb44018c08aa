# 练习 3：判断安装的 PyTorch 是否不低于 2.6（torch.load 默认 weights_only=True 的版本）
import torch

version = str(torch.__version__)
print("按字符串比较：", version >= "2.6", sep="")  # 错误："2.14.1" 与 "2.6" 逐字符比较，"1" < "6"

major, minor = (int(part) for part in version.split(".")[:2])
print("按数字比较：", (major, minor) >= (2, 6), sep="")

print("torch.__version__ 直接比较：", torch.__version__ >= "2.6", sep="")  # TorchVersion 按版本号比较
