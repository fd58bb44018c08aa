import numpy as np
import torch
import torchvision.transforms as transforms
from matplotlib import cbook
from PIL import Image

# matplotlib 自带的一张照片（Grace Hopper，公有领域）
with cbook.get_sample_data("grace_hopper.jpg") as f:
    image = Image.open(f).convert("RGB")  # convert 读入全部像素，文件关闭后仍可使用
print(image.size, image.mode)  # PIL 的 size 是（宽，高）
pixels = np.array(image)
print(pixels.shape, pixels.dtype, pixels.min(), pixels.max())

to_tensor = transforms.ToTensor()
t = to_tensor(image)
print(t.shape, t.dtype, t.min().item(), t.max().item())

normalize = transforms.Normalize(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))
n = normalize(t)  # 每个通道：(t - mean) / std
print(n.shape, n.dtype, n.min().item(), n.max().item())

transform = transforms.Compose([to_tensor, normalize])  # 依次执行
print(torch.equal(transform(image), n))
print(pixels[0, 0], t[:, 0, 0], n[:, 0, 0])  # 左上角的像素经过每一步
