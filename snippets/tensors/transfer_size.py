# 传输的代价：搬运的字节数 = 元素个数 × 每个元素的字节数
import torch

batch = torch.zeros(128, 3, 32, 32)  # 一批 128 张 3 通道 32×32 的图片，float32
print(batch.numel(), batch.element_size())  # 元素个数；每个 float32 元素 4 字节
n_bytes = batch.numel() * batch.element_size()
print(f"{n_bytes} 字节，即 {n_bytes / 2**20} MiB")
print(batch.to(torch.uint8).element_size(), batch.double().element_size())  # uint8 每个 1 字节，float64 每个 8 字节
