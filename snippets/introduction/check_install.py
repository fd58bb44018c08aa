# 检查安装：打印版本和 GPU 是否可用，再在可用的设备上做一次小计算
import torch

print(f"PyTorch 版本：{torch.__version__}")
print(f"CUDA 可用：{torch.cuda.is_available()}")

device = "cuda" if torch.cuda.is_available() else "cpu"
x = torch.ones(2, 3, device=device)
print((x @ x.T).cpu())  # 2×3 矩阵乘以它的转置，每个元素都是 3
