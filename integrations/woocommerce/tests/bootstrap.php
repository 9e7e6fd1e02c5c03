<?php
require_once __DIR__ . '/stubs.php';
require_once __DIR__ . '/../tributary/tributary.php';
