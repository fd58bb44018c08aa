# 练习 6：选出设备，算出一批数据要传输的字节数，找出没有生效的 .to
import torch


def pick_device():
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():  # 苹果芯片的 GPU
        return torch.device("mps")
    return torch.device("cpu")


device = pick_device()
print(f"设备：{device}")

images = torch.zeros(64, 3, 32, 32)  # float32：每个元素 4 字节
labels = torch.zeros(64, dtype=torch.int64)  # int64：每个元素 8 字节
n_bytes = sum(t.numel() * t.element_size() for t in (images, labels))
print(n_bytes)  # 64×3×32×32×4 + 64×8

images.to("meta")  # 有问题：返回的新张量被丢掉了
print(images.device)
images = images.to("meta")  # 改正：把结果赋给变量
print(images.device)
